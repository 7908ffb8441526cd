using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Upsellic.Conversations.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ConversationsByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Status_LastMessageAt",
                schema: "conversations",
                table: "Conversations",
                columns: new[] { "Status", "LastMessageAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_Status_LastMessageAt",
                schema: "conversations",
                table: "Conversations");
        }
    }
}
