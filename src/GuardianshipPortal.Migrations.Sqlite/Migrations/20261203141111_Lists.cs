using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Lists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OfficeId",
                table: "IssueRecords",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "SearchNames",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Each issue record gets its case's office; each case the folded names of its applicant and children (one per line,
            // as CaseRegistration writes them).
            migrationBuilder.Sql(GuardianshipPortal.Domain.Cases.Case.BackfillSql(postgres: false));

            migrationBuilder.CreateIndex(
                name: "IX_IssueRecords_OfficeId_IssuedAt",
                table: "IssueRecords",
                columns: new[] { "OfficeId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases",
                column: "AssigneeId",
                filter: "\"Step\" <> 6");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssueRecords_OfficeId_IssuedAt",
                table: "IssueRecords");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OfficeId",
                table: "IssueRecords");

            migrationBuilder.DropColumn(
                name: "SearchNames",
                table: "Cases");
        }
    }
}
