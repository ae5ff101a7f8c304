using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Spouses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SpouseId",
                table: "Cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SpouseId",
                table: "Cases",
                column: "SpouseId");

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_Persons_SpouseId",
                table: "Cases",
                column: "SpouseId",
                principalTable: "Persons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Cases_Persons_SpouseId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SpouseId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SpouseId",
                table: "Cases");
        }
    }
}
