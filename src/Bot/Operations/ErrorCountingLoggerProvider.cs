namespace Bot.Operations;

/// <summary>Counts every Error and Critical log entry by component (the logger's category), whatever logged it.</summary>
public sealed class ErrorCountingLoggerProvider(BotMetrics metrics) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Counter(metrics, Component(categoryName));

    public void Dispose() { }

    // "Bot.Pledges.PledgeService" → "PledgeService": short, and a class name holds no personal data.
    private static string Component(string category) => category[(category.LastIndexOf('.') + 1)..];

    private sealed class Counter(BotMetrics metrics, string component) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) metrics.Error(component);
        }
    }
}
