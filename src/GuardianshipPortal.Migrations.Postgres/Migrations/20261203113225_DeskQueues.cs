using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeskQueues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResolutionPhrases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResolutionPhrases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResolutionPhrases_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OfficeId_StepDueAt",
                table: "Cases",
                columns: new[] { "OfficeId", "StepDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResolutionPhrases_OfficeId_Order",
                table: "ResolutionPhrases",
                columns: new[] { "OfficeId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResolutionPhrases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OfficeId_StepDueAt",
                table: "Cases");
        }
    }
}
