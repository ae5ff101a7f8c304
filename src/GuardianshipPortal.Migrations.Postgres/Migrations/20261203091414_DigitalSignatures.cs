using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Postgres.Migrations
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
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "DigitalSignature",
                table: "Offices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The comment was held to 1000 characters by the form only: a longer one typed before keeps its first 1000.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"ExtensionComment\" = left(\"ExtensionComment\", 1000) WHERE length(\"ExtensionComment\") > 1000;");

            migrationBuilder.AlterColumn<string>(
                name: "ExtensionComment",
                table: "Cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Iin",
                table: "AspNetUsers",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DocumentSignatures",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cms = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignerIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SignerBin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CertificateSerial = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CertificateIssuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CertificateSubject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CertificateValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CertificateValidTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseVersion = table.Column<int>(type: "integer", nullable: false),
                    PreparedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreparedById = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    VerificationCode = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    SubjectInitials = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "ExtensionComment",
                table: "Cases",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);
        }
    }
}
