using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ElectronicRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ElectronicRequests",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalRequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedRequest = table.Column<byte[]>(type: "bytea", nullable: false),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignerIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SignerBin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SignerSerial = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SignerIssuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SignerValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignerValidTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectronicRequests", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_ElectronicRequests_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ElectronicRequests_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ElectronicRequests_PartnerId_ExternalRequestId",
                table: "ElectronicRequests",
                columns: new[] { "PartnerId", "ExternalRequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ElectronicRequests");
        }
    }
}
