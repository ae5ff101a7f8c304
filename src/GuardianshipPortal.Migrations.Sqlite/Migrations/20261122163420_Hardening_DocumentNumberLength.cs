using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Hardening_DocumentNumberLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
