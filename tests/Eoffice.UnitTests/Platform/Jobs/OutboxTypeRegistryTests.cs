using Eoffice.Web.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.UnitTests.Platform.Jobs;

public sealed class OutboxTypeRegistryTests
{
    private sealed record DocumentRegistered(Guid DocumentId, string Number);

    private sealed record TaskAssigned(Guid TaskId);

    private sealed class Recorder : IOutboxHandler<DocumentRegistered>
    {
        public List<DocumentRegistered> Seen { get; } = [];

        public Task HandleAsync(DocumentRegistered message, CancellationToken cancellationToken)
        {
            Seen.Add(message);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void A_type_is_found_by_its_registered_name_and_a_name_by_its_type()
    {
        var registry = new OutboxTypeRegistry([
            OutboxMessageType.Create<DocumentRegistered>("documents.registered"),
            OutboxMessageType.Create<TaskAssigned>("tasks.assigned"),
        ]);

        Assert.Equal("documents.registered", registry.For(typeof(DocumentRegistered)).Name);
        Assert.True(registry.TryGet("tasks.assigned", out var type));
        Assert.Equal(typeof(TaskAssigned), type.ClrType);
        Assert.False(registry.TryGet(typeof(TaskAssigned).AssemblyQualifiedName!, out _));
    }

    [Fact]
    public void Enqueueing_an_unregistered_type_is_a_clear_error()
    {
        var registry = new OutboxTypeRegistry([]);

        var error = Assert.Throws<InvalidOperationException>(() => registry.For(typeof(TaskAssigned)));
        Assert.Contains("TaskAssigned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_name_for_two_types_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new OutboxTypeRegistry([
            OutboxMessageType.Create<DocumentRegistered>("same.name"),
            OutboxMessageType.Create<TaskAssigned>("same.name"),
        ]));
        Assert.Contains("same.name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_names_for_one_type_are_refused_but_registering_the_same_pair_twice_is_harmless()
    {
        Assert.Throws<InvalidOperationException>(() => new OutboxTypeRegistry([
            OutboxMessageType.Create<TaskAssigned>("tasks.assigned"),
            OutboxMessageType.Create<TaskAssigned>("tasks.given"),
        ]));
        var registry = new OutboxTypeRegistry([
            OutboxMessageType.Create<TaskAssigned>("tasks.assigned"),
            OutboxMessageType.Create<TaskAssigned>("tasks.assigned"),
        ]);
        Assert.Single(registry.Names);
    }

    [Fact]
    public async Task Dispatch_reads_the_json_payload_and_runs_the_registered_handlers()
    {
        var recorder = new Recorder();
        var services = new ServiceCollection();
        services.AddOutboxMessage<DocumentRegistered>("documents.registered");
        services.AddSingleton<IOutboxHandler<DocumentRegistered>>(recorder);
        using var provider = services.BuildServiceProvider();
        var registry = new OutboxTypeRegistry(provider.GetServices<OutboxMessageType>());
        var id = Guid.NewGuid();

        await registry.For(typeof(DocumentRegistered))
            .DispatchAsync(provider, $$"""{"documentId":"{{id}}","number":"12/QĐ-UBND"}""", CancellationToken.None);

        var seen = Assert.Single(recorder.Seen);
        Assert.Equal(new DocumentRegistered(id, "12/QĐ-UBND"), seen);
    }

    [Fact]
    public async Task A_message_without_any_handler_fails_instead_of_counting_as_done()
    {
        var services = new ServiceCollection();
        using var provider = services.BuildServiceProvider();
        var type = OutboxMessageType.Create<TaskAssigned>("tasks.assigned");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            type.DispatchAsync(provider, $$"""{"taskId":"{{Guid.NewGuid()}}"}""", CancellationToken.None));
    }
}
