using System.Data.Common;
using GuardianshipPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace GuardianshipPortal.Benchmarks;

/// <summary>
/// Writes entities straight into their tables, column by column as the EF model maps them (names, value converters,
/// store types of the provider), without change tracking: PostgreSQL through binary COPY, SQLite through prepared
/// INSERTs in batched transactions. Identity keys (history, audit) are left to the database.
/// </summary>
public abstract class BulkSink : IAsyncDisposable
{
    protected sealed record Column(string Name, IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, RelationalTypeMapping Mapping, string StoreType);

    protected sealed record Table(string Name, IReadOnlyList<Column> Columns);

    private readonly Dictionary<Type, Table> _tables = [];
    private readonly IModel _model;

    protected BulkSink(IModel model) => _model = model;

    public long Rows { get; protected set; }

    protected Table TableOf(Type type)
    {
        if (_tables.TryGetValue(type, out var t)) return t;
        var entity = _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is var c && (c == typeof(long) || c == typeof(int))))
            .Select(p =>
            {
                var mapping = (RelationalTypeMapping)p.GetTypeMapping();
                var store = p.GetColumnType(table);
                var paren = store.IndexOf('(');
                return new Column(p.GetColumnName(table)!, p, p.GetGetter(), mapping.Converter, mapping, paren < 0 ? store : store[..paren].Trim());
            }).ToList();
        return _tables[type] = new Table(table.Name, columns);
    }

    protected static object? ValueOf(Column c, object entity)
    {
        var value = c.Getter.GetClrValueUsingContainingEntity(entity);
        if (value is null) return null;
        return c.Converter is null ? value : c.Converter.ConvertToProvider(value);
    }

    public abstract ValueTask WriteAsync<T>(T entity) where T : class;

    /// <summary>Ends a batch of related rows (SQLite commits its transaction every so often).</summary>
    public virtual ValueTask FlushAsync() => ValueTask.CompletedTask;

    public abstract ValueTask CompleteAsync();

    public abstract ValueTask DisposeAsync();

    public static async Task<BulkSink> OpenAsync(DatabaseProvider provider, string connectionString, IModel model) => provider switch
    {
        DatabaseProvider.Postgres => await PostgresCopySink.OpenAsync(connectionString, model),
        _ => await SqliteInsertSink.OpenAsync(connectionString, model),
    };
}

/// <summary>One binary COPY per table, each on its own connection, all open at once; foreign keys are not checked during
/// the load (session_replication_role = replica), the generator writes parents before or with their children.</summary>
public sealed class PostgresCopySink : BulkSink
{
    private readonly string _connectionString;
    private readonly Dictionary<Type, (NpgsqlConnection Connection, NpgsqlBinaryImporter Importer, Table Table)> _open = [];

    private PostgresCopySink(string connectionString, IModel model) : base(model) => _connectionString = connectionString;

    public static Task<BulkSink> OpenAsync(string connectionString, IModel model) => Task.FromResult<BulkSink>(new PostgresCopySink(connectionString, model));

    public override async ValueTask WriteAsync<T>(T entity)
    {
        if (!_open.TryGetValue(typeof(T), out var copy))
        {
            var table = TableOf(typeof(T));
            var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using (var cmd = new NpgsqlCommand("SET session_replication_role = replica; SET synchronous_commit = off", connection))
                await cmd.ExecuteNonQueryAsync();
            var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
            _open[typeof(T)] = copy = (connection, importer, table);
        }
        await copy.Importer.StartRowAsync();
        foreach (var column in copy.Table.Columns)
        {
            var value = ValueOf(column, entity);
            if (value is null) await copy.Importer.WriteNullAsync();
            else await copy.Importer.WriteAsync(value, column.StoreType);
        }
        Rows++;
    }

    public override async ValueTask CompleteAsync()
    {
        foreach (var (connection, importer, _) in _open.Values)
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
            await connection.DisposeAsync();
        }
        _open.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var (connection, importer, _) in _open.Values)
        {
            await importer.DisposeAsync(); // not completed: the COPY is cancelled
            await connection.DisposeAsync();
        }
        _open.Clear();
    }
}

/// <summary>Prepared INSERTs, one per table, in one transaction per batch of cases.</summary>
public sealed class SqliteInsertSink : BulkSink
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private readonly Dictionary<Type, (SqliteCommand Command, Table Table)> _commands = [];

    private SqliteInsertSink(SqliteConnection connection, IModel model) : base(model) => _connection = connection;

    public static async Task<BulkSink> OpenAsync(string connectionString, IModel model)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL;";
            await cmd.ExecuteNonQueryAsync();
        }
        return new SqliteInsertSink(connection, model);
    }

    public override ValueTask WriteAsync<T>(T entity)
    {
        _transaction ??= _connection.BeginTransaction();
        if (!_commands.TryGetValue(typeof(T), out var insert))
        {
            var table = TableOf(typeof(T));
            var command = _connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < table.Columns.Count; i++)
                command.Parameters.Add((SqliteParameter)table.Columns[i].Mapping.CreateParameter(command, "$p" + i, null, nullable: true));
            command.Transaction = _transaction;
            command.Prepare();
            _commands[typeof(T)] = insert = (command, table);
        }
        insert.Command.Transaction = _transaction;
        for (var i = 0; i < insert.Table.Columns.Count; i++)
            insert.Command.Parameters[i].Value = ValueOf(insert.Table.Columns[i], entity) ?? DBNull.Value;
        insert.Command.ExecuteNonQuery();
        Rows++;
        return ValueTask.CompletedTask;
    }

    public override async ValueTask FlushAsync()
    {
        if (_transaction is null) return;
        await _transaction.CommitAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public override async ValueTask CompleteAsync() => await FlushAsync();

    public override async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in _commands.Values) await command.DisposeAsync();
        if (_transaction is not null) await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

internal static class DbCommandExtensions
{
    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, int timeoutSeconds = 0)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = timeoutSeconds;
        return await cmd.ExecuteNonQueryAsync();
    }
}
