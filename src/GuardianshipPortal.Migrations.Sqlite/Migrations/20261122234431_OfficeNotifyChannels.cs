using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfficeNotifyChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NotifyByEmail",
                table: "Offices",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // existing offices tell by every channel, as new ones do

            migrationBuilder.AddColumn<bool>(
                name: "NotifyBySms",
                table: "Offices",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // existing offices tell by every channel, as new ones do
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotifyByEmail",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "NotifyBySms",
                table: "Offices");
        }
    }
}
