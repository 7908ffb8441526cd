using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upsellic.Conversations.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class LiveChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAgentReplyAt",
                schema: "conversations",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PickedUpAt",
                schema: "conversations",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgentAvailabilities",
                schema: "conversations",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    Away = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentAvailabilities", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "AgentConnections",
                schema: "conversations",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentConnections", x => x.ConnectionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_AuthorUserId_CreatedAt",
                schema: "conversations",
                table: "Messages",
                columns: new[] { "AuthorUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentAvailabilities_TenantId",
                schema: "conversations",
                table: "AgentAvailabilities",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentConnections_TenantId",
                schema: "conversations",
                table: "AgentConnections",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentConnections_TenantId_LastSeenAt",
                schema: "conversations",
                table: "AgentConnections",
                columns: new[] { "TenantId", "LastSeenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentAvailabilities",
                schema: "conversations");

            migrationBuilder.DropTable(
                name: "AgentConnections",
                schema: "conversations");

            migrationBuilder.DropIndex(
                name: "IX_Messages_AuthorUserId_CreatedAt",
                schema: "conversations",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FirstAgentReplyAt",
                schema: "conversations",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PickedUpAt",
                schema: "conversations",
                table: "Conversations");
        }
    }
}
