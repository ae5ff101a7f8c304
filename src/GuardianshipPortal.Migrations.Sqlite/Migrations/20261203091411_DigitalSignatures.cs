using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DigitalSignatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Bin",
                table: "Offices",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "DigitalSignature",
                table: "Offices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Iin",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DocumentSignatures",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cms = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignerIin = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SignerBin = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CertificateSerial = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CertificateIssuer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CertificateSubject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CertificateValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    CertificateValidTo = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSignatures", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_DocumentSignatures_IssuedDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "IssuedDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SigningPackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PreparedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PreparedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigningPackages_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SigningPackageDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    SubjectInitials = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningPackageDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigningPackageDocuments_SigningPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "SigningPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatures_CaseId",
                table: "DocumentSignatures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SigningPackageDocuments_PackageId",
                table: "SigningPackageDocuments",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_SigningPackages_CaseId",
                table: "SigningPackages",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentSignatures");

            migrationBuilder.DropTable(
                name: "SigningPackageDocuments");

            migrationBuilder.DropTable(
                name: "SigningPackages");

            migrationBuilder.DropColumn(
                name: "Bin",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DigitalSignature",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Iin",
                table: "AspNetUsers");
        }
    }
}
