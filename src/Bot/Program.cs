// The service's table of contents is Hosting/BotHost.cs; tests build the same host through it.
return await Bot.Hosting.BotHost.RunAsync(args);
