using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Clock_CalendarOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "KurbanAit",
                table: "CalendarDays",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Order",
                table: "CalendarDays",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Kurban Ait days filled before this migration get their mark.
            migrationBuilder.Sql("UPDATE \"CalendarDays\" SET \"KurbanAit\" = 1 WHERE \"NoteRu\" = 'Первый день Курбан айта';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KurbanAit",
                table: "CalendarDays");

            migrationBuilder.DropColumn(
                name: "Order",
                table: "CalendarDays");
        }
    }
}
