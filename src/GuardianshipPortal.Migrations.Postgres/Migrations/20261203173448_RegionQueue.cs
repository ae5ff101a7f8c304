using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegionQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(GuardianshipPortal.Domain.Cases.Case.OpenQueueIndexSql(postgres: true));
            // Queues count and page from the cases' indexes alone only while the pages of new and changed cases are marked
            // all-visible; PostgreSQL's defaults vacuum a million-case table after 200,000 inserts. Vacuum it after 1 % instead.
            migrationBuilder.Sql("""ALTER TABLE "Cases" SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Cases" RESET (autovacuum_vacuum_insert_scale_factor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);""");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenQueue",
                table: "Cases");
        }
    }
}
