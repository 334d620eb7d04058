namespace Bot.Content;

/// <summary>One emulation plan (kế hoạch) or call (lời kêu gọi), as written in dialogs/plans/&lt;id&gt;.yaml.</summary>
public sealed class Plan
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "plan";
    public Localized Title { get; set; } = new();
    public Localized Issuer { get; set; } = new();
    public DateOnly Issued { get; set; }
    public Localized? SignedBy { get; set; }
    public Localized Document { get; set; } = new();
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public Localized Theme { get; set; } = new();
    public Localized? Motto { get; set; }
    public List<Movement> Movements { get; set; } = [];
    public List<PlanContent> Contents { get; set; } = [];
    public List<Phase> Phases { get; set; } = [];
    public List<LevelTask> Tasks { get; set; } = [];

    /// <summary>When members may register pledges; without it, while the plan runs (officers can open or close it).</summary>
    public RegistrationWindow? Registration { get; set; }

    public bool Covers(DateOnly day) => day >= Start && day <= End;

    public Phase? PhaseOn(DateOnly day) => Phases.FirstOrDefault(p => p.Covers(day));
}

/// <summary>`registration: { opens: 2021-01-01, closes: 2021-03-31 }` in a plan file (both days included; either may be left out).</summary>
public sealed class RegistrationWindow
{
    public DateOnly? Opens { get; set; }
    public DateOnly? Closes { get; set; }
}

public sealed class Movement
{
    public string Id { get; set; } = "";
    public Localized Name { get; set; } = new();
    public Localized Summary { get; set; } = new();
    public Localized Source { get; set; } = new();
}

public sealed class PlanContent
{
    public int Number { get; set; }
    public Localized Text { get; set; } = new();
    public Localized Source { get; set; } = new();
}

public sealed class Phase
{
    public string Id { get; set; } = "";
    public int Number { get; set; }
    public Localized Name { get; set; } = new();
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public Localized Focus { get; set; } = new();
    public Localized MemberTasks { get; set; } = new();
    public Localized Source { get; set; } = new();

    public bool Covers(DateOnly day) => day >= Start && day <= End;
}

public sealed class LevelTask
{
    public Localized Level { get; set; } = new();
    public Localized Text { get; set; } = new();
    public Localized Source { get; set; } = new();
}
