global using Bot.Builder;
global using Bot.Builder.Activities;
global using Bot.Builder.Pipeline;
global using Bot.Tests.Testing;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
