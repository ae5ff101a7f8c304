using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuardianshipPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Clock_OfficeHours : Migration
    {
        /// <inheritdoc />
        // Existing offices get the national standard hours (9:00–18:30, lunch 13:00–14:30, reception until 17:30).
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "ClosesAt",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(18, 30, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "LunchFrom",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(13, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "LunchTo",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(14, 30, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "OpensAt",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(9, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReceptionFrom",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(9, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReceptionTo",
                table: "Offices",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(17, 30, 0));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosesAt",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "LunchFrom",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "LunchTo",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "OpensAt",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ReceptionFrom",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ReceptionTo",
                table: "Offices");
        }
    }
}
