using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Lists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<Guid>(
                name: "OfficeId",
                table: "IssueRecords",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "SearchNames",
                table: "Cases",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Each issue record gets its case's office; each case the folded names of its applicant and children (one per line,
            // as CaseRegistration writes them). The indexes are built after the backfill.
            migrationBuilder.Sql(GuardianshipPortal.Domain.Cases.Case.BackfillSql(postgres: true));

            migrationBuilder.CreateIndex(
                name: "IX_IssueRecords_OfficeId_IssuedAt",
                table: "IssueRecords",
                columns: new[] { "OfficeId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases",
                column: "AssigneeId",
                filter: "\"Step\" <> 6");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SearchNames",
                table: "Cases",
                columns: new[] { "OfficeId", "SearchNames" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });
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

            migrationBuilder.DropIndex(
                name: "IX_Cases_SearchNames",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OfficeId",
                table: "IssueRecords");

            migrationBuilder.DropColumn(
                name: "SearchNames",
                table: "Cases");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
