using Bot.Audience;
using Bot.Storage;

namespace Bot.Tests.Storage;

public sealed class StoredCopiesTests
{
    private static KnownChat Chat(string title) => new() { Id = "test:u1", Title = title };

    [Fact]
    public void AStoredRecordIsReadOnceAndThenServedFromMemory()
    {
        var copies = new StoredCopies<KnownChat>();
        var loads = 0;
        copies.Get("test:u1", _ => { loads++; return Chat("An"); });
        var again = copies.Get("test:u1", _ => { loads++; return Chat("An"); });
        Assert.Equal((1, "An"), (loads, again!.Title));
    }

    [Fact]
    public void ARecordWrittenAfterItWasReadIsReadAgain()
    {
        var copies = new StoredCopies<KnownChat>();
        copies.Get("test:u1", _ => Chat("An"));
        copies.Written("test:u1");
        Assert.Equal("Bình", copies.Get("test:u1", _ => Chat("Bình"))!.Title);
    }

    [Fact]
    public void WhatAWriteStoredIsServedWithoutReading()
    {
        var copies = new StoredCopies<KnownChat>();
        copies.Written("test:u1", Chat("An"));
        Assert.Equal("An", copies.Get("test:u1", _ => throw new InvalidOperationException("read"))!.Title);
    }

    [Fact]
    public void AReadThatAWriteOvertookIsNotKept()
    {
        var copies = new StoredCopies<KnownChat>();
        // The write commits while the lookup is still reading the older record from the database.
        copies.Get("test:u1", key => { copies.Written(key); return Chat("old"); });
        Assert.Equal("new", copies.Get("test:u1", _ => Chat("new"))!.Title);
    }

    [Fact]
    public void AMoveOfManyRecordsDropsEveryCopy()
    {
        var copies = new StoredCopies<KnownChat>();
        copies.Get("test:u1", _ => Chat("An"));
        copies.WrittenAll();
        Assert.Equal("Bình", copies.Get("test:u1", _ => Chat("Bình"))!.Title);
    }

    [Fact]
    public void AnUnknownRecordIsNotRememberedAndTheCopiesStayWithinTheirCapacity()
    {
        var copies = new StoredCopies<KnownChat>(capacity: 2);
        copies.Get("test:u1", _ => null);
        Assert.Equal("An", copies.Get("test:u1", _ => Chat("An"))!.Title);
        copies.Get("test:u2", _ => Chat("Bình"));
        copies.Get("test:u3", _ => Chat("Cường"));
        var loads = 0;
        copies.Get("test:u1", _ => { loads++; return Chat("An"); });
        Assert.Equal(1, loads);
    }

    [Fact]
    public void AMissingRecordIsRememberedAsMissingUntilAWriteCommits()
    {
        var copies = new StoredCopies<KnownChat>(rememberAbsent: true);
        var loads = 0;
        KnownChat? Missing(string _) { loads++; return null; }
        Assert.Null(copies.Get("test:u1", Missing));
        Assert.Null(copies.Get("test:u1", Missing));
        Assert.Equal(1, loads);
        copies.Written("test:u1", Chat("An"));
        Assert.Equal("An", copies.Get("test:u1", Missing)!.Title);
        copies.Written("test:u1");
        Assert.Null(copies.Get("test:u1", Missing));
        Assert.Equal(2, loads);
    }

    [Fact]
    public void AMissingRecordReadWhileAWriteCommittedIsNotRemembered()
    {
        var copies = new StoredCopies<KnownChat>(rememberAbsent: true);
        Assert.Null(copies.Get("test:u1", key => { copies.Written("test:u2", Chat("Bình")); return null; }));
        Assert.Equal("An", copies.Get("test:u1", _ => Chat("An"))!.Title);
    }
}
