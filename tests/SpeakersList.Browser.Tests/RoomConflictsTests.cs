using System.Net;
using System.Net.Http.Json;
using static Microsoft.Playwright.Assertions;
using ServerApi = SpeakersList.Server.Tests.Infrastructure.Api;

namespace SpeakersList.Browser.Tests;

public class Conflicts_across_rooms(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_console_marks_the_entry_whose_slot_falls_in_the_delegations_round_table_until_it_is_moved()
    {
        var ids = await Api.ImportSeedProgramme();
        var plenary = ids["PL2"];
        var ghana = await Api.Inscribe(plenary, "GHA");
        await Api.Inscribe(plenary, "FRA");
        await ServerApi.Expect(await Api.TryAllocateSeat(ids["RT-II"], "GHA"), HttpStatusCode.Created);

        var console = await OpenConsoleAsync(plenary);

        var entry = console.Locator($"#list li[data-inscription-id='{ghana}']");
        await Expect(entry.Locator(".conflict-badge")).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Expect(console.Locator("#conflicts")).ToContainTextAsync("GHA: The speaking slot at");
        await ScreenshotAsync(console, "console-conflict");

        // Cancelling the round table takes the seat away: the conflict goes with it.
        await ServerApi.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["RT-II"]}/cancel",
            new { commandId = Guid.NewGuid(), reason = "Merged with Round table I" }, ServerApi.Json), HttpStatusCode.OK);
        await Api.Inscribe(plenary, "BRA");
        await Expect(entry.Locator(".conflict-badge")).ToHaveCountAsync(0, new() { Timeout = 15000 });
        await Expect(console.Locator("#conflicts")).ToBeHiddenAsync();
    }
}
