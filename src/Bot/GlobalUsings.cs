global using Bot.Builder;
global using Bot.Builder.Activities;
global using Microsoft.Extensions.Options;
global using Bot.Builder.Pipeline;
