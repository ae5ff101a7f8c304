// Design-time host for `dotnet ef`; it does nothing when run.
Console.WriteLine("GuardianshipPortal.Design: the startup project for `dotnet ef`. See README.");
