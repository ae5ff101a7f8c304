using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegulationReminderShare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReminderSharePercent",
                table: "Regulations",
                type: "integer",
                nullable: false,
                defaultValue: 75); // EscalationLadder.DefaultSharePercent for the regulations already there
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderSharePercent",
                table: "Regulations");
        }
    }
}
