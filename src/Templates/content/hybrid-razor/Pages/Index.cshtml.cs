using Hybrid;
using HybridApp.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HybridApp.Pages;

// HybridSender, not IMediator: the page's read runs with the operation's policy and validation, as both doors do.
public sealed class IndexModel(HybridSender sender) : PageModel
{
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tasks = await sender.SendAsync(new ListTasks(), cancellationToken);
}
