namespace GuardianshipPortal.Messaging;

/// <summary>A delivery that did not succeed; the dispatcher retries it later.</summary>
public sealed class DeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Delivers the messages of one channel. Throws <see cref="DeliveryException"/> when the receiver did not take it.</summary>
public interface IMessageSender
{
    OutboxChannel Channel { get; }

    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
