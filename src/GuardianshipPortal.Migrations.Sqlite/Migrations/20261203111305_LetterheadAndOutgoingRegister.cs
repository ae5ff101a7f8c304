using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LetterheadAndOutgoingRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutgoingNumber",
                table: "SigningPackageDocuments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Offices",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "Emblem",
                table: "Offices",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmblemContentType",
                table: "Offices",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FullNameKk",
                table: "Offices",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FullNameRu",
                table: "Offices",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OutgoingNumberFormat",
                table: "Offices",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "{n}"); // existing offices number {n} until their administrator sets a format

            migrationBuilder.AddColumn<string>(
                name: "OutgoingNumber",
                table: "IssuedDocuments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutgoingCounters",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingCounters", x => new { x.OfficeId, x.Year });
                    table.ForeignKey(
                        name: "FK_OutgoingCounters_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingEntries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutgoingEntries_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEntries_CaseId",
                table: "OutgoingEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEntries_DocumentId",
                table: "OutgoingEntries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEntries_OfficeId_Year_Sequence",
                table: "OutgoingEntries",
                columns: new[] { "OfficeId", "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutgoingCounters");

            migrationBuilder.DropTable(
                name: "OutgoingEntries");

            migrationBuilder.DropColumn(
                name: "OutgoingNumber",
                table: "SigningPackageDocuments");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Emblem",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "EmblemContentType",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "FullNameKk",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "FullNameRu",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "OutgoingNumberFormat",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "OutgoingNumber",
                table: "IssuedDocuments");
        }
    }
}
