namespace Bot.Builder;
