# The portal on ASP.NET Core; docker-compose.yml runs it beside PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/GuardianshipPortal.Web/GuardianshipPortal.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    DataProtection__KeysPath=/app/App_Data/keys \
    Serilog__WriteTo__File__Args__path=/app/App_Data/logs/portal-.json
VOLUME /app/App_Data
EXPOSE 8080
ENTRYPOINT ["dotnet", "GuardianshipPortal.Web.dll"]
