using Bot.Web.Audit;

namespace Bot.Web.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The officers' pages (overview, pledges, audit log); their routes are the Razor pages in this folder.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OfficerAudit>();
        builder.Services.AddSingleton<PledgeDecisions>();
        builder.Services.AddSingleton<PlanPublisher>();
        return builder;
    }
}
