using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegionalScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_SearchName",
                table: "Persons");

            // Search names are folded now (lower case, Kazakh letters as Russian ones): the stored ones are folded the same way.
            migrationBuilder.Sql(GuardianshipPortal.Domain.Persons.Person.RefoldSearchNamesSql());

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_SearchName",
                table: "Persons",
                column: "SearchName")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueRecords_IssuedAt",
                table: "IssueRecords",
                column: "IssuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OfficeId_ClosedAt",
                table: "Cases",
                columns: new[] { "OfficeId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OfficeId_RegisteredAt",
                table: "Cases",
                columns: new[] { "OfficeId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Open",
                table: "Cases",
                columns: new[] { "OfficeId", "StepDueAt", "DueAt" },
                filter: "\"Step\" <> 6");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_SearchName",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_IssueRecords_IssuedAt",
                table: "IssueRecords");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OfficeId_ClosedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OfficeId_RegisteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Open",
                table: "Cases");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_SearchName",
                table: "Persons",
                column: "SearchName");
        }
    }
}
