using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HousingInspectionAct : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Amenities",
                table: "HousingInspections",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "Area",
                table: "HousingInspections",
                type: "TEXT",
                precision: 8,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Condition",
                table: "HousingInspections",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Family",
                table: "HousingInspections",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Income",
                table: "HousingInspections",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OtherInspectors",
                table: "HousingInspections",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PersonsPresent",
                table: "HousingInspections",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Rooms",
                table: "HousingInspections",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Amenities",
                table: "HousingInspections");

            migrationBuilder.DropColumn(
                name: "Area",
                table: "HousingInspections");

            migrationBuilder.DropColumn(
                name: "Condition",
                table: "HousingInspections");

            migrationBuilder.DropColumn(
                name: "Family",
                table: "HousingInspections");

            migrationBuilder.DropColumn(
                name: "Income",
                table: "HousingInspections");

            migrationBuilder.DropColumn(
                name: "OtherInspectors",
                table: "HousingInspections");

            migrationBuilder.DropColumn(
                name: "PersonsPresent",
                table: "HousingInspections");

            migrationBuilder.DropColumn(
                name: "Rooms",
                table: "HousingInspections");
        }
    }
}
