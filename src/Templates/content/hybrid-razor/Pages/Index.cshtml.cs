using HybridApp.Tasks;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HybridApp.Pages;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tasks = await sender.Send(new ListTasks(), cancellationToken);
}
