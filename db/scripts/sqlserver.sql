IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [DisplayName] nvarchar(max) NOT NULL,
        [PreferredLanguage] nvarchar(max) NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AuditChainHeads] (
        [Id] int NOT NULL,
        [LastSequence] bigint NOT NULL,
        [LastHash] nchar(64) NOT NULL,
        [Appends] bigint NOT NULL,
        CONSTRAINT [PK_AuditChainHeads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Sequence] bigint NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [UserId] uniqueidentifier NULL,
        [UserName] nvarchar(256) NOT NULL,
        [Role] nvarchar(200) NOT NULL,
        [Command] nvarchar(200) NOT NULL,
        [EntityType] nvarchar(200) NOT NULL,
        [EntityId] nvarchar(200) NOT NULL,
        [Operation] nvarchar(20) NOT NULL,
        [Before] nvarchar(max) NULL,
        [After] nvarchar(max) NULL,
        [IpAddress] nvarchar(64) NULL,
        [CorrelationId] nvarchar(128) NULL,
        [PreviousHash] nchar(64) NOT NULL,
        [Hash] nchar(64) NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AuditVerifications] (
        [Id] uniqueidentifier NOT NULL,
        [VerifiedAt] datetimeoffset NOT NULL,
        [IsIntact] bit NOT NULL,
        [EntriesChecked] bigint NOT NULL,
        [FirstBrokenSequence] bigint NULL,
        [Problem] nvarchar(1000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_AuditVerifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [Competitions] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Year] int NOT NULL,
        [Round] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [PassThreshold] decimal(6,1) NOT NULL,
        [ExpertsPerApplication] int NOT NULL,
        [DivergenceThresholdPercent] decimal(5,2) NOT NULL,
        [HoldsPanel] bit NOT NULL,
        [CorrectionWindowDays] int NOT NULL,
        [AppealWindowDays] int NOT NULL,
        [StatusValidityYears] int NOT NULL,
        [MinimumClusterAgeYears] int NOT NULL,
        [MinimumMembers] int NOT NULL,
        [AnnouncedAt] datetimeoffset NULL,
        [Timeline_AnnouncementAt] datetimeoffset NOT NULL,
        [Timeline_ClosesAt] datetimeoffset NOT NULL,
        [Timeline_DecisionAt] datetimeoffset NOT NULL,
        [Timeline_EvaluationDeadline] datetimeoffset NOT NULL,
        [Timeline_FormalReviewDeadline] datetimeoffset NOT NULL,
        [Timeline_OpensAt] datetimeoffset NOT NULL,
        [Timeline_PanelAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Competitions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [CriterionTemplates] (
        [Code] nvarchar(10) NOT NULL,
        [AreaCode] nvarchar(10) NOT NULL,
        [AreaNamePl] nvarchar(300) NOT NULL,
        [AreaNameEn] nvarchar(300) NOT NULL,
        [NamePl] nvarchar(300) NOT NULL,
        [NameEn] nvarchar(300) NOT NULL,
        [MaxPoints] decimal(6,1) NOT NULL,
        [HalfPointsAllowed] bit NOT NULL,
        [Order] int NOT NULL,
        [TieBreakRank] int NULL,
        CONSTRAINT [PK_CriterionTemplates] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [KisSpecialisations] (
        [Code] nvarchar(10) NOT NULL,
        [NamePl] nvarchar(300) NOT NULL,
        [NameEn] nvarchar(300) NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_KisSpecialisations] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [KpiDefinitions] (
        [Code] nvarchar(20) NOT NULL,
        [NamePl] nvarchar(300) NOT NULL,
        [NameEn] nvarchar(300) NOT NULL,
        [Unit] nvarchar(20) NOT NULL,
        [Direction] nvarchar(20) NOT NULL,
        [Aggregation] nvarchar(20) NOT NULL,
        [IsMandatory] bit NOT NULL,
        [Minimum] decimal(18,2) NULL,
        CONSTRAINT [PK_KpiDefinitions] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [OpenIddictApplications] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationType] nvarchar(50) NULL,
        [ClientId] nvarchar(100) NULL,
        [ClientSecret] nvarchar(max) NULL,
        [ClientType] nvarchar(50) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [ConsentType] nvarchar(50) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [JsonWebKeySet] nvarchar(max) NULL,
        [Permissions] nvarchar(max) NULL,
        [PostLogoutRedirectUris] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedirectUris] nvarchar(max) NULL,
        [Requirements] nvarchar(max) NULL,
        [Settings] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictApplications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [OpenIddictScopes] (
        [Id] uniqueidentifier NOT NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [Description] nvarchar(max) NULL,
        [Descriptions] nvarchar(max) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [Name] nvarchar(200) NULL,
        [Properties] nvarchar(max) NULL,
        [Resources] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictScopes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [Organisations] (
        [Id] uniqueidentifier NOT NULL,
        [OwnerUserId] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Nip] nvarchar(10) NOT NULL,
        [Regon] nvarchar(14) NULL,
        [Krs] nvarchar(10) NULL,
        [LegalForm] nvarchar(100) NOT NULL,
        [Address] nvarchar(500) NOT NULL,
        [VoivodeshipTeryt] nvarchar(2) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Organisations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [Voivodeships] (
        [Teryt] nvarchar(2) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Voivodeships] PRIMARY KEY ([Teryt])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [CompetitionCriterion] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(10) NOT NULL,
        [AreaCode] nvarchar(10) NOT NULL,
        [AreaNamePl] nvarchar(300) NOT NULL,
        [AreaNameEn] nvarchar(300) NOT NULL,
        [NamePl] nvarchar(300) NOT NULL,
        [NameEn] nvarchar(300) NOT NULL,
        [Guidance] nvarchar(4000) NULL,
        [MaxPoints] decimal(6,1) NOT NULL,
        [HalfPointsAllowed] bit NOT NULL,
        [Weight] decimal(6,2) NOT NULL,
        [MinimumPoints] decimal(6,1) NULL,
        [JustificationRequired] bit NOT NULL,
        [MinimumJustificationLength] int NOT NULL,
        [Order] int NOT NULL,
        [TieBreakRank] int NULL,
        [CompetitionId] uniqueidentifier NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_CompetitionCriterion] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CompetitionCriterion_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [OpenIddictAuthorizations] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [Properties] nvarchar(max) NULL,
        [Scopes] nvarchar(max) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(50) NULL,
        CONSTRAINT [PK_OpenIddictAuthorizations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [Clusters] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [FoundedOn] date NOT NULL,
        [VoivodeshipTeryt] nvarchar(2) NOT NULL,
        [KisCodes] nvarchar(max) NOT NULL,
        [Website] nvarchar(300) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Clusters] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Clusters_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [OpenIddictTokens] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NULL,
        [AuthorizationId] uniqueidentifier NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [ExpirationDate] datetime2 NULL,
        [Payload] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedemptionDate] datetime2 NULL,
        [ReferenceId] nvarchar(100) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(150) NULL,
        CONSTRAINT [PK_OpenIddictTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId] FOREIGN KEY ([AuthorizationId]) REFERENCES [OpenIddictAuthorizations] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [Applications] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [ClusterId] uniqueidentifier NOT NULL,
        [OwnerUserId] uniqueidentifier NOT NULL,
        [Status] nvarchar(30) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Applications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Applications_Clusters_ClusterId] FOREIGN KEY ([ClusterId]) REFERENCES [Clusters] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Applications_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE TABLE [ClusterMembers] (
        [Id] uniqueidentifier NOT NULL,
        [ClusterId] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Nip] nvarchar(10) NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [Size] nvarchar(10) NULL,
        [VoivodeshipTeryt] nvarchar(2) NOT NULL,
        [JoinedOn] date NOT NULL,
        [Employment] int NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ClusterMembers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ClusterMembers_Clusters_ClusterId] FOREIGN KEY ([ClusterId]) REFERENCES [Clusters] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Appends', N'LastHash', N'LastSequence') AND [object_id] = OBJECT_ID(N'[AuditChainHeads]'))
        SET IDENTITY_INSERT [AuditChainHeads] ON;
    EXEC(N'INSERT INTO [AuditChainHeads] ([Id], [Appends], [LastHash], [LastSequence])
    VALUES (1, CAST(0 AS bigint), N''0000000000000000000000000000000000000000000000000000000000000000'', CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Appends', N'LastHash', N'LastSequence') AND [object_id] = OBJECT_ID(N'[AuditChainHeads]'))
        SET IDENTITY_INSERT [AuditChainHeads] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_Applications_ClusterId] ON [Applications] ([ClusterId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Applications_CompetitionId_ClusterId] ON [Applications] ([CompetitionId], [ClusterId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_Applications_OwnerUserId] ON [Applications] ([OwnerUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_Applications_Status] ON [Applications] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Command] ON [AuditEntries] ([Command]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId] ON [AuditEntries] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_OccurredAt] ON [AuditEntries] ([OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_UserName] ON [AuditEntries] ([UserName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_AuditVerifications_VerifiedAt] ON [AuditVerifications] ([VerifiedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ClusterMembers_ClusterId_Nip] ON [ClusterMembers] ([ClusterId], [Nip]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_ClusterMembers_Nip] ON [ClusterMembers] ([Nip]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_Clusters_OrganisationId] ON [Clusters] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_CompetitionCriterion_CompetitionId] ON [CompetitionCriterion] ([CompetitionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_Competitions_Status] ON [Competitions] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Competitions_Year_Round] ON [Competitions] ([Year], [Round]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictApplications_ClientId] ON [OpenIddictApplications] ([ClientId]) WHERE [ClientId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type] ON [OpenIddictAuthorizations] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictScopes_Name] ON [OpenIddictScopes] ([Name]) WHERE [Name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_ApplicationId_Status_Subject_Type] ON [OpenIddictTokens] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_AuthorizationId] ON [OpenIddictTokens] ([AuthorizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictTokens_ReferenceId] ON [OpenIddictTokens] ([ReferenceId]) WHERE [ReferenceId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_Organisations_Nip] ON [Organisations] ([Nip]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    CREATE INDEX [IX_Organisations_OwnerUserId] ON [Organisations] ([OwnerUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122124711_Foundation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122124711_Foundation', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE TABLE [NotificationPreferences] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [RuleKey] nvarchar(100) NOT NULL,
        [EmailEnabled] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_NotificationPreferences] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [OutboxMessageId] uniqueidentifier NULL,
        [Title] nvarchar(500) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [Link] nvarchar(1000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ReadAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE TABLE [NotificationTemplates] (
        [Id] uniqueidentifier NOT NULL,
        [Key] nvarchar(100) NOT NULL,
        [Language] nvarchar(5) NOT NULL,
        [Subject] nvarchar(300) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [Html] nvarchar(max) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_NotificationTemplates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] uniqueidentifier NOT NULL,
        [Channel] nvarchar(10) NOT NULL,
        [RecipientUserId] uniqueidentifier NOT NULL,
        [RecipientEmail] nvarchar(256) NULL,
        [Language] nvarchar(5) NOT NULL,
        [TemplateKey] nvarchar(100) NOT NULL,
        [Subject] nvarchar(500) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [Html] nvarchar(max) NULL,
        [Link] nvarchar(1000) NULL,
        [Note] nvarchar(300) NULL,
        [Status] nvarchar(10) NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [LeaseOwner] uniqueidentifier NULL,
        [LeaseUntil] datetimeoffset NULL,
        [LastError] nvarchar(2000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [SentAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE TABLE [ReminderDispatches] (
        [Id] uniqueidentifier NOT NULL,
        [RuleKey] nvarchar(100) NOT NULL,
        [SubjectKey] nvarchar(200) NOT NULL,
        [OffsetDays] int NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [DispatchedAt] datetimeoffset NOT NULL,
        [Recipients] int NOT NULL,
        [OfficialsCopied] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ReminderDispatches] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE TABLE [ReminderRules] (
        [Id] uniqueidentifier NOT NULL,
        [Key] nvarchar(100) NOT NULL,
        [NamePl] nvarchar(200) NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [OffsetDays] nvarchar(200) NOT NULL,
        [Enabled] bit NOT NULL,
        [Mandatory] bit NOT NULL,
        [EscalateAfterDeadline] bit NOT NULL,
        [LastScanAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ReminderRules] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NotificationPreferences_UserId_RuleKey] ON [NotificationPreferences] ([UserId], [RuleKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Notifications_OutboxMessageId] ON [Notifications] ([OutboxMessageId]) WHERE [OutboxMessageId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_CreatedAt] ON [Notifications] ([UserId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_ReadAt] ON [Notifications] ([UserId], [ReadAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NotificationTemplates_Key_Language] ON [NotificationTemplates] ([Key], [Language]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_CreatedAt] ON [OutboxMessages] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_LeaseOwner] ON [OutboxMessages] ([LeaseOwner]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Status_NextAttemptAt] ON [OutboxMessages] ([Status], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReminderDispatches_RuleKey_SubjectKey_OffsetDays] ON [ReminderDispatches] ([RuleKey], [SubjectKey], [OffsetDays]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReminderRules_Key] ON [ReminderRules] ([Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122132630_Notifications'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122132630_Notifications', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    DROP INDEX [IX_Applications_Status] ON [Applications];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [FormalDecisionAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [FormalDecisionReasons] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [Number] nvarchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [SubmissionHash] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [SubmittedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [UpdatedAt] datetimeoffset NOT NULL DEFAULT '0001-01-01T00:00:00.0000000+00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [WithdrawalReason] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    ALTER TABLE [Applications] ADD [WithdrawnAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE TABLE [ApplicationAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ApplicationAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationAttachments_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE TABLE [ApplicationIndicators] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [Values_Employment] int NULL,
        [Values_ExportSharePercent] decimal(5,2) NULL,
        [Values_InternationalAgreements] int NULL,
        [Values_InternshipsAndTrainings] int NULL,
        [Values_JointProjects] int NULL,
        [Values_JointProjectsValue] decimal(18,2) NULL,
        [Values_Patents] int NULL,
        [Values_ProcessInnovations] int NULL,
        [Values_ProductInnovations] int NULL,
        [Values_RdSpending] decimal(18,2) NULL,
        [Values_Revenue] decimal(18,2) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ApplicationIndicators] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationIndicators_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE TABLE [ApplicationNarratives] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [AreaCode] nvarchar(10) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ApplicationNarratives] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationNarratives_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE TABLE [ApplicationSnapshots] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [TakenAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ApplicationSnapshots] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationSnapshots_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE TABLE [CorrectionRequests] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [SentAt] datetimeoffset NOT NULL,
        [WindowDays] int NOT NULL,
        [DeliveredAt] datetimeoffset NULL,
        [DeadlineAt] datetimeoffset NOT NULL,
        [AnsweredAt] datetimeoffset NULL,
        [Answer] nvarchar(max) NULL,
        [Version] int NOT NULL,
        [Items] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_CorrectionRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CorrectionRequests_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE TABLE [FormalChecks] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [RuleCode] nvarchar(50) NOT NULL,
        [Outcome] nvarchar(10) NOT NULL,
        [Comment] nvarchar(4000) NULL,
        [DecidedBy] uniqueidentifier NOT NULL,
        [DecidedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_FormalChecks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FormalChecks_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE TABLE [SubmissionCounters] (
        [CompetitionId] uniqueidentifier NOT NULL,
        [LastNumber] int NOT NULL,
        CONSTRAINT [PK_SubmissionCounters] PRIMARY KEY ([CompetitionId]),
        CONSTRAINT [FK_SubmissionCounters_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE INDEX [IX_Applications_CompetitionId_Status] ON [Applications] ([CompetitionId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Applications_Number] ON [Applications] ([Number]) WHERE [Number] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE INDEX [IX_ApplicationAttachments_ApplicationId] ON [ApplicationAttachments] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE INDEX [IX_ApplicationAttachments_Sha256] ON [ApplicationAttachments] ([Sha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApplicationIndicators_ApplicationId_Year] ON [ApplicationIndicators] ([ApplicationId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApplicationNarratives_ApplicationId_AreaCode] ON [ApplicationNarratives] ([ApplicationId], [AreaCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE INDEX [IX_ApplicationSnapshots_ApplicationId_TakenAt] ON [ApplicationSnapshots] ([ApplicationId], [TakenAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CorrectionRequests_ApplicationId] ON [CorrectionRequests] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE INDEX [IX_CorrectionRequests_DeadlineAt] ON [CorrectionRequests] ([DeadlineAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FormalChecks_ApplicationId_RuleCode] ON [FormalChecks] ([ApplicationId], [RuleCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122154213_Applications'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122154213_Applications', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    DROP INDEX [IX_Organisations_OwnerUserId] ON [Organisations];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    DROP INDEX [IX_CompetitionCriterion_CompetitionId] ON [CompetitionCriterion];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    DROP INDEX [IX_Clusters_OrganisationId] ON [Clusters];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Competitions] ADD [AnnouncedSnapshot] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Competitions] ADD [AnnouncedSnapshotSha256] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Competitions] ADD [DraftRevision] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Competitions] ADD [RulesVersion] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[CompetitionCriterion]') AND [c].[name] = N'CompetitionId');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [CompetitionCriterion] DROP CONSTRAINT ' + @var + ';');
    EXEC(N'UPDATE [CompetitionCriterion] SET [CompetitionId] = ''00000000-0000-0000-0000-000000000000'' WHERE [CompetitionId] IS NULL');
    ALTER TABLE [CompetitionCriterion] ALTER COLUMN [CompetitionId] uniqueidentifier NOT NULL;
    ALTER TABLE [CompetitionCriterion] ADD DEFAULT '00000000-0000-0000-0000-000000000000' FOR [CompetitionId];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Clusters] ADD [KeyEnablingTechnologies] nvarchar(max) NOT NULL DEFAULT N'[]';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Clusters] ADD [LastImportAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Clusters] ADD [LastImportMode] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Clusters] ADD [LastImportRows] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    ALTER TABLE [Applications] ADD [CorrectionHash] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    CREATE TABLE [EligibilityRule] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(50) NOT NULL,
        [NamePl] nvarchar(500) NOT NULL,
        [NameEn] nvarchar(500) NOT NULL,
        [IsPreChecked] bit NOT NULL,
        [IsCustom] bit NOT NULL,
        [Order] int NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_EligibilityRule] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EligibilityRule_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Organisations_OwnerUserId] ON [Organisations] ([OwnerUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CompetitionCriterion_CompetitionId_Code] ON [CompetitionCriterion] ([CompetitionId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Clusters_OrganisationId] ON [Clusters] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    CREATE INDEX [IX_ClusterMembers_ClusterId_Name] ON [ClusterMembers] ([ClusterId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EligibilityRule_CompetitionId_Code] ON [EligibilityRule] ([CompetitionId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122165923_CompetitionSetupClustersFormalReview'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122165923_CompetitionSetupClustersFormalReview', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    ALTER TABLE [Competitions] ADD [ScoringWindowDays] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    ALTER TABLE [Applications] ADD [DivergenceDetectedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE TABLE [EvaluationResults] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Method] nvarchar(20) NOT NULL,
        [SheetsUsed] nvarchar(max) NOT NULL,
        [ComputedAt] datetimeoffset NOT NULL,
        [ExpertTotal] decimal(9,2) NOT NULL,
        [Total] decimal(9,2) NOT NULL,
        [Passed] bit NOT NULL,
        [PanelScheduledAt] datetimeoffset NULL,
        [PanelPlace] nvarchar(300) NULL,
        [Version] int NOT NULL,
        [Criteria] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_EvaluationResults] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EvaluationResults_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_EvaluationResults_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE TABLE [Experts] (
        [Id] uniqueidentifier NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [UserId] uniqueidentifier NULL,
        [Status] nvarchar(20) NOT NULL,
        [VoivodeshipTeryt] nvarchar(2) NULL,
        [KisCodes] nvarchar(max) NOT NULL,
        [MaxLoadPerCompetition] int NOT NULL,
        [Available] bit NOT NULL,
        [InvitedAt] datetimeoffset NOT NULL,
        [InvitedBy] uniqueidentifier NOT NULL,
        [InvitationTokenHash] nvarchar(64) NULL,
        [InvitationExpiresAt] datetimeoffset NULL,
        [JoinedAt] datetimeoffset NULL,
        [ProfileUpdatedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        [Affiliations] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_Experts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE TABLE [AssignmentOverrides] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ExpertId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_AssignmentOverrides] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssignmentOverrides_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AssignmentOverrides_Experts_ExpertId] FOREIGN KEY ([ExpertId]) REFERENCES [Experts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE TABLE [ExpertAssignments] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ExpertId] uniqueidentifier NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Origin] nvarchar(20) NOT NULL,
        [AssignedAt] datetimeoffset NOT NULL,
        [AssignedBy] uniqueidentifier NULL,
        [Deadline] datetimeoffset NOT NULL,
        [KisMatches] int NOT NULL,
        [OtherVoivodeship] bit NOT NULL,
        [LoadAfter] int NOT NULL,
        [Pinned] bit NOT NULL,
        [DeclarationSignedAt] datetimeoffset NULL,
        [ConflictDeclaredAt] datetimeoffset NULL,
        [ConflictReason] nvarchar(2000) NULL,
        [ReleasedAt] datetimeoffset NULL,
        [ReleaseReason] nvarchar(2000) NULL,
        [OverallOpinion] nvarchar(max) NULL,
        [SheetSavedAt] datetimeoffset NULL,
        [SubmittedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        [Scores] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ExpertAssignments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExpertAssignments_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ExpertAssignments_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ExpertAssignments_Experts_ExpertId] FOREIGN KEY ([ExpertId]) REFERENCES [Experts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssignmentOverrides_ApplicationId_ExpertId] ON [AssignmentOverrides] ([ApplicationId], [ExpertId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_AssignmentOverrides_CompetitionId] ON [AssignmentOverrides] ([CompetitionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_AssignmentOverrides_ExpertId] ON [AssignmentOverrides] ([ExpertId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvaluationResults_ApplicationId] ON [EvaluationResults] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_EvaluationResults_CompetitionId_Total] ON [EvaluationResults] ([CompetitionId], [Total]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_ExpertAssignments_ApplicationId_ExpertId] ON [ExpertAssignments] ([ApplicationId], [ExpertId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_ExpertAssignments_CompetitionId_Status_Deadline] ON [ExpertAssignments] ([CompetitionId], [Status], [Deadline]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_ExpertAssignments_ExpertId_CompetitionId_Status] ON [ExpertAssignments] ([ExpertId], [CompetitionId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Experts_Email] ON [Experts] ([Email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_Experts_InvitationTokenHash] ON [Experts] ([InvitationTokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    CREATE INDEX [IX_Experts_Status_FullName] ON [Experts] ([Status], [FullName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Experts_UserId] ON [Experts] ([UserId]) WHERE [UserId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122182518_ExpertEvaluation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122182518_ExpertEvaluation', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    DROP INDEX [IX_EvaluationResults_ApplicationId] ON [EvaluationResults];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [ExpertAssignments] ADD [Round] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [EvaluationResults] ADD [Round] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [EvaluationResults] ADD [SupersededAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [Competitions] ADD [AppealRuledBy] nvarchar(12) NOT NULL DEFAULT N'Official';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [Competitions] ADD [ProgrammePhaseId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [Competitions] ADD [ReEvaluationExperts] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [Applications] ADD [DecidedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [Applications] ADD [EvaluationRound] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [CertificationDecisions] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ClusterId] uniqueidentifier NOT NULL,
        [ResolutionId] uniqueidentifier NOT NULL,
        [ResolutionNumber] nvarchar(50) NOT NULL,
        [Outcome] nvarchar(10) NOT NULL,
        [Justification] nvarchar(max) NOT NULL,
        [VotesFor] int NOT NULL,
        [VotesAgainst] int NOT NULL,
        [VotesAbstained] int NOT NULL,
        [DecidedAt] datetimeoffset NOT NULL,
        [DeliveredAt] datetimeoffset NULL,
        [DeliveredBy] nvarchar(10) NULL,
        [AppealWindowDays] int NOT NULL,
        [AppealDeadline] datetimeoffset NULL,
        [SupersededBy] uniqueidentifier NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_CertificationDecisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CertificationDecisions_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CertificationDecisions_Clusters_ClusterId] FOREIGN KEY ([ClusterId]) REFERENCES [Clusters] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CertificationDecisions_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [CommissionMembers] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [Side] nvarchar(10) NOT NULL,
        [VoivodeshipTeryt] nvarchar(2) NULL,
        [AffiliationNips] nvarchar(max) NOT NULL,
        [AddedAt] datetimeoffset NOT NULL,
        [AddedBy] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_CommissionMembers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CommissionMembers_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [CommissionVotings] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [Status] nvarchar(10) NOT NULL,
        [MemberCount] int NOT NULL,
        [OpenedAt] datetimeoffset NOT NULL,
        [OpenedBy] uniqueidentifier NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        [ClosedBy] uniqueidentifier NULL,
        [ResolutionId] uniqueidentifier NULL,
        [Version] int NOT NULL,
        [Items] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_CommissionVotings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CommissionVotings_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [ProgrammePhases] (
        [Id] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [StartsOn] date NOT NULL,
        [EndsOn] date NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ProgrammePhases] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [Appeals] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [DecisionId] uniqueidentifier NOT NULL,
        [LodgedBy] uniqueidentifier NOT NULL,
        [LodgedAt] datetimeoffset NOT NULL,
        [Deadline] datetimeoffset NOT NULL,
        [Statement] nvarchar(max) NOT NULL,
        [State] nvarchar(12) NOT NULL,
        [RuledAs] nvarchar(12) NULL,
        [RuledBy] uniqueidentifier NULL,
        [RuledAt] datetimeoffset NULL,
        [RulingReasons] nvarchar(max) NULL,
        [ReEvaluationResultId] uniqueidentifier NULL,
        [ReEvaluatedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        [Grounds] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_Appeals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Appeals_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Appeals_CertificationDecisions_DecisionId] FOREIGN KEY ([DecisionId]) REFERENCES [CertificationDecisions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Appeals_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [KkkStatuses] (
        [Id] uniqueidentifier NOT NULL,
        [ClusterId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [DecisionId] uniqueidentifier NOT NULL,
        [CertificateNumber] nvarchar(30) NOT NULL,
        [ClusterName] nvarchar(300) NOT NULL,
        [CoordinatorName] nvarchar(300) NOT NULL,
        [CoordinatorNip] nvarchar(10) NOT NULL,
        [VoivodeshipTeryt] nvarchar(2) NOT NULL,
        [KisCodes] nvarchar(max) NOT NULL,
        [Website] nvarchar(500) NULL,
        [ValidFrom] date NOT NULL,
        [ValidTo] date NOT NULL,
        [State] nvarchar(12) NOT NULL,
        [EndedOn] date NULL,
        [EndReason] nvarchar(2000) NULL,
        [EndedBy] uniqueidentifier NULL,
        [GrantedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_KkkStatuses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_KkkStatuses_CertificationDecisions_DecisionId] FOREIGN KEY ([DecisionId]) REFERENCES [CertificationDecisions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_KkkStatuses_Clusters_ClusterId] FOREIGN KEY ([ClusterId]) REFERENCES [Clusters] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [CommissionResolutions] (
        [Id] uniqueidentifier NOT NULL,
        [CompetitionId] uniqueidentifier NOT NULL,
        [VotingId] uniqueidentifier NOT NULL,
        [Number] nvarchar(30) NOT NULL,
        [Year] int NOT NULL,
        [Sequence] int NOT NULL,
        [ResolvedOn] date NOT NULL,
        [MemberCount] int NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [RecordedBy] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [Outcomes] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_CommissionResolutions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CommissionResolutions_CommissionVotings_VotingId] FOREIGN KEY ([VotingId]) REFERENCES [CommissionVotings] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CommissionResolutions_Competitions_CompetitionId] FOREIGN KEY ([CompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE TABLE [CommissionVotes] (
        [Id] uniqueidentifier NOT NULL,
        [VotingId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [MemberId] uniqueidentifier NOT NULL,
        [Choice] nvarchar(10) NOT NULL,
        [Comment] nvarchar(2000) NULL,
        [CastAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_CommissionVotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CommissionVotes_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CommissionVotes_CommissionMembers_MemberId] FOREIGN KEY ([MemberId]) REFERENCES [CommissionMembers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CommissionVotes_CommissionVotings_VotingId] FOREIGN KEY ([VotingId]) REFERENCES [CommissionVotings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvaluationResults_ApplicationId_Round] ON [EvaluationResults] ([ApplicationId], [Round]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_Competitions_ProgrammePhaseId] ON [Competitions] ([ProgrammePhaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_Appeals_ApplicationId] ON [Appeals] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_Appeals_CompetitionId_LodgedAt] ON [Appeals] ([CompetitionId], [LodgedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Appeals_DecisionId] ON [Appeals] ([DecisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_Appeals_State_LodgedAt] ON [Appeals] ([State], [LodgedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CertificationDecisions_ApplicationId_DecidedAt] ON [CertificationDecisions] ([ApplicationId], [DecidedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CertificationDecisions_ClusterId] ON [CertificationDecisions] ([ClusterId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CertificationDecisions_CompetitionId] ON [CertificationDecisions] ([CompetitionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CertificationDecisions_ResolutionId] ON [CertificationDecisions] ([ResolutionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CommissionMembers_CompetitionId_UserId] ON [CommissionMembers] ([CompetitionId], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CommissionMembers_UserId] ON [CommissionMembers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CommissionResolutions_CompetitionId_ResolvedOn] ON [CommissionResolutions] ([CompetitionId], [ResolvedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CommissionResolutions_Number] ON [CommissionResolutions] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CommissionResolutions_VotingId] ON [CommissionResolutions] ([VotingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CommissionResolutions_Year_Sequence] ON [CommissionResolutions] ([Year], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CommissionVotes_ApplicationId] ON [CommissionVotes] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CommissionVotes_MemberId] ON [CommissionVotes] ([MemberId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CommissionVotes_VotingId_ApplicationId_MemberId] ON [CommissionVotes] ([VotingId], [ApplicationId], [MemberId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_CommissionVotings_CompetitionId_Status] ON [CommissionVotings] ([CompetitionId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_KkkStatuses_CertificateNumber] ON [KkkStatuses] ([CertificateNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_KkkStatuses_ClusterId_ValidFrom] ON [KkkStatuses] ([ClusterId], [ValidFrom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_KkkStatuses_DecisionId] ON [KkkStatuses] ([DecisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_KkkStatuses_State_ValidTo] ON [KkkStatuses] ([State], [ValidTo]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE INDEX [IX_KkkStatuses_VoivodeshipTeryt_State] ON [KkkStatuses] ([VoivodeshipTeryt], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProgrammePhases_Number] ON [ProgrammePhases] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    ALTER TABLE [Competitions] ADD CONSTRAINT [FK_Competitions_ProgrammePhases_ProgrammePhaseId] FOREIGN KEY ([ProgrammePhaseId]) REFERENCES [ProgrammePhases] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123011948_CertificationAppealsRegistryAndPhases'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123011948_CertificationAppealsRegistryAndPhases', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE TABLE [ProgrammeContracts] (
        [Id] uniqueidentifier NOT NULL,
        [Number] nvarchar(30) NOT NULL,
        [PhaseId] uniqueidentifier NOT NULL,
        [KkkStatusId] uniqueidentifier NOT NULL,
        [ClusterId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ClusterName] nvarchar(300) NOT NULL,
        [CoordinatorName] nvarchar(300) NOT NULL,
        [CoordinatorNip] nvarchar(10) NOT NULL,
        [VoivodeshipTeryt] nvarchar(2) NOT NULL,
        [KisCodes] nvarchar(max) NOT NULL,
        [RegionParty] nvarchar(200) NOT NULL,
        [StartsOn] date NOT NULL,
        [EndsOn] date NOT NULL,
        [Status] nvarchar(12) NOT NULL,
        [ResponsibleOfficialId] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [CoordinatorSignedAt] datetimeoffset NULL,
        [CoordinatorSignedBy] uniqueidentifier NULL,
        [SignedOn] date NULL,
        [SignedBy] uniqueidentifier NULL,
        [ActivatedAt] datetimeoffset NULL,
        [StatusReason] nvarchar(2000) NULL,
        [StatusChangedAt] datetimeoffset NULL,
        [TerminatedOn] date NULL,
        [AchievementPercent] decimal(18,2) NULL,
        [AchievementReports] int NOT NULL,
        [AchievementUpdatedAt] datetimeoffset NULL,
        [Terms_AnnualDueDay] int NOT NULL,
        [Terms_AnnualDueMonth] int NOT NULL,
        [Terms_FinalDueDays] int NOT NULL,
        [Terms_JustificationBelowPercent] decimal(5,2) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ProgrammeContracts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProgrammeContracts_Clusters_ClusterId] FOREIGN KEY ([ClusterId]) REFERENCES [Clusters] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ProgrammeContracts_KkkStatuses_KkkStatusId] FOREIGN KEY ([KkkStatusId]) REFERENCES [KkkStatuses] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ProgrammeContracts_ProgrammePhases_PhaseId] FOREIGN KEY ([PhaseId]) REFERENCES [ProgrammePhases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE TABLE [ProgrammeSettings] (
        [Id] uniqueidentifier NOT NULL,
        [AnnualDueMonth] int NOT NULL,
        [AnnualDueDay] int NOT NULL,
        [FinalDueDays] int NOT NULL,
        [JustificationBelowPercent] decimal(5,2) NOT NULL,
        [GreenFromPercent] decimal(5,2) NOT NULL,
        [AmberFromPercent] decimal(5,2) NOT NULL,
        [UpdatedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ProgrammeSettings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE TABLE [ContractAmendments] (
        [Id] uniqueidentifier NOT NULL,
        [ContractId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [BasedOnVersion] int NOT NULL,
        [Reason] nvarchar(4000) NOT NULL,
        [State] nvarchar(10) NOT NULL,
        [ProposedBy] uniqueidentifier NOT NULL,
        [ProposedAt] datetimeoffset NOT NULL,
        [DecidedBy] uniqueidentifier NULL,
        [DecidedAt] datetimeoffset NULL,
        [DecisionReason] nvarchar(4000) NULL,
        [ResultingVersion] int NULL,
        [Version] int NOT NULL,
        [Budget] nvarchar(max) NOT NULL,
        [Targets] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ContractAmendments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContractAmendments_ProgrammeContracts_ContractId] FOREIGN KEY ([ContractId]) REFERENCES [ProgrammeContracts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE TABLE [ContractVersions] (
        [Id] uniqueidentifier NOT NULL,
        [ContractId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [EffectiveFrom] date NOT NULL,
        [AmendmentId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        [Budget] nvarchar(max) NOT NULL,
        [Kpis] nvarchar(max) NOT NULL,
        [Targets] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ContractVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContractVersions_ProgrammeContracts_ContractId] FOREIGN KEY ([ContractId]) REFERENCES [ProgrammeContracts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE TABLE [KpiReports] (
        [Id] uniqueidentifier NOT NULL,
        [ContractId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [Year] int NULL,
        [PeriodStart] date NOT NULL,
        [PeriodEnd] date NOT NULL,
        [DueOn] date NOT NULL,
        [Status] nvarchar(12) NOT NULL,
        [Narrative] nvarchar(max) NOT NULL,
        [ReviewComment] nvarchar(4000) NULL,
        [ReturnCount] int NOT NULL,
        [FirstSubmittedAt] datetimeoffset NULL,
        [SubmittedAt] datetimeoffset NULL,
        [SubmittedBy] uniqueidentifier NULL,
        [DaysLate] int NULL,
        [ReviewedAt] datetimeoffset NULL,
        [ReviewedBy] uniqueidentifier NULL,
        [AcceptedAt] datetimeoffset NULL,
        [UpdatedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        [Disbursements] nvarchar(max) NOT NULL,
        [Lines] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_KpiReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_KpiReports_ProgrammeContracts_ContractId] FOREIGN KEY ([ContractId]) REFERENCES [ProgrammeContracts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE TABLE [KpiReportEvidence] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedBy] uniqueidentifier NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_KpiReportEvidence] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_KpiReportEvidence_KpiReports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [KpiReports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContractAmendments_ContractId_Number] ON [ContractAmendments] ([ContractId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE INDEX [IX_ContractAmendments_State_ProposedAt] ON [ContractAmendments] ([State], [ProposedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContractVersions_ContractId_Number] ON [ContractVersions] ([ContractId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE INDEX [IX_KpiReportEvidence_ReportId] ON [KpiReportEvidence] ([ReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_KpiReports_ContractId_Kind_Year] ON [KpiReports] ([ContractId], [Kind], [Year]) WHERE [Year] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE INDEX [IX_KpiReports_Status_DueOn] ON [KpiReports] ([Status], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE INDEX [IX_ProgrammeContracts_ClusterId] ON [ProgrammeContracts] ([ClusterId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE INDEX [IX_ProgrammeContracts_KkkStatusId] ON [ProgrammeContracts] ([KkkStatusId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProgrammeContracts_Number] ON [ProgrammeContracts] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProgrammeContracts_PhaseId_ClusterId] ON [ProgrammeContracts] ([PhaseId], [ClusterId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    CREATE INDEX [IX_ProgrammeContracts_Status_VoivodeshipTeryt] ON [ProgrammeContracts] ([Status], [VoivodeshipTeryt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207100518_ProgrammeContractsAndKpiReports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207100518_ProgrammeContractsAndKpiReports', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    ALTER TABLE [ProgrammeSettings] ADD [EvaluationLeadDays] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE TABLE [PhaseEvaluations] (
        [Id] uniqueidentifier NOT NULL,
        [PhaseId] uniqueidentifier NOT NULL,
        [PhaseNumber] int NOT NULL,
        [PhaseEndsOn] date NOT NULL,
        [Status] nvarchar(10) NOT NULL,
        [CommissionCompetitionId] uniqueidentifier NOT NULL,
        [QuantitativeWeightPercent] decimal(5,2) NOT NULL,
        [OpenedAt] datetimeoffset NOT NULL,
        [OpenedBy] uniqueidentifier NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        [ClosedBy] uniqueidentifier NULL,
        [Version] int NOT NULL,
        [Criteria] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_PhaseEvaluations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PhaseEvaluations_Competitions_CommissionCompetitionId] FOREIGN KEY ([CommissionCompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PhaseEvaluations_ProgrammePhases_PhaseId] FOREIGN KEY ([PhaseId]) REFERENCES [ProgrammePhases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE TABLE [ContractEvaluations] (
        [Id] uniqueidentifier NOT NULL,
        [PhaseEvaluationId] uniqueidentifier NOT NULL,
        [PhaseId] uniqueidentifier NOT NULL,
        [ContractId] uniqueidentifier NOT NULL,
        [ClusterId] uniqueidentifier NOT NULL,
        [KkkStatusId] uniqueidentifier NOT NULL,
        [ContractNumber] nvarchar(30) NOT NULL,
        [ClusterName] nvarchar(300) NOT NULL,
        [VoivodeshipTeryt] nvarchar(2) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [QuantitativePercent] decimal(9,2) NULL,
        [AcceptedReports] int NOT NULL,
        [QuantitativeAt] datetimeoffset NOT NULL,
        [EvaluatorUserId] uniqueidentifier NULL,
        [QualitativePercent] decimal(5,2) NULL,
        [ScoredAt] datetimeoffset NULL,
        [OverallPercent] decimal(9,2) NULL,
        [Decision] nvarchar(12) NULL,
        [DecisionJustification] nvarchar(4000) NULL,
        [RemediationItems] nvarchar(max) NOT NULL,
        [ReviewOn] date NULL,
        [DecidedAt] datetimeoffset NULL,
        [DecidedBy] uniqueidentifier NULL,
        [CommissionRefusedAt] datetimeoffset NULL,
        [ApprovedAt] datetimeoffset NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        [MissingReports] nvarchar(max) NOT NULL,
        [Scores] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ContractEvaluations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContractEvaluations_KkkStatuses_KkkStatusId] FOREIGN KEY ([KkkStatusId]) REFERENCES [KkkStatuses] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ContractEvaluations_PhaseEvaluations_PhaseEvaluationId] FOREIGN KEY ([PhaseEvaluationId]) REFERENCES [PhaseEvaluations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ContractEvaluations_ProgrammeContracts_ContractId] FOREIGN KEY ([ContractId]) REFERENCES [ProgrammeContracts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE TABLE [PhaseDecisionVotings] (
        [Id] uniqueidentifier NOT NULL,
        [PhaseEvaluationId] uniqueidentifier NOT NULL,
        [CommissionCompetitionId] uniqueidentifier NOT NULL,
        [Status] nvarchar(10) NOT NULL,
        [MemberCount] int NOT NULL,
        [EvaluationIds] nvarchar(max) NOT NULL,
        [OpenedAt] datetimeoffset NOT NULL,
        [OpenedBy] uniqueidentifier NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        [ClosedBy] uniqueidentifier NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_PhaseDecisionVotings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PhaseDecisionVotings_Competitions_CommissionCompetitionId] FOREIGN KEY ([CommissionCompetitionId]) REFERENCES [Competitions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PhaseDecisionVotings_PhaseEvaluations_PhaseEvaluationId] FOREIGN KEY ([PhaseEvaluationId]) REFERENCES [PhaseEvaluations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE TABLE [PhaseDecisionVotes] (
        [Id] uniqueidentifier NOT NULL,
        [VotingId] uniqueidentifier NOT NULL,
        [EvaluationId] uniqueidentifier NOT NULL,
        [MemberId] uniqueidentifier NOT NULL,
        [Choice] nvarchar(10) NOT NULL,
        [Comment] nvarchar(2000) NULL,
        [CastAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_PhaseDecisionVotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PhaseDecisionVotes_CommissionMembers_MemberId] FOREIGN KEY ([MemberId]) REFERENCES [CommissionMembers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PhaseDecisionVotes_ContractEvaluations_EvaluationId] FOREIGN KEY ([EvaluationId]) REFERENCES [ContractEvaluations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PhaseDecisionVotes_PhaseDecisionVotings_VotingId] FOREIGN KEY ([VotingId]) REFERENCES [PhaseDecisionVotings] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_ContractEvaluations_ClusterId] ON [ContractEvaluations] ([ClusterId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContractEvaluations_ContractId] ON [ContractEvaluations] ([ContractId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_ContractEvaluations_EvaluatorUserId] ON [ContractEvaluations] ([EvaluatorUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_ContractEvaluations_KkkStatusId] ON [ContractEvaluations] ([KkkStatusId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_ContractEvaluations_PhaseEvaluationId_Status] ON [ContractEvaluations] ([PhaseEvaluationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_PhaseDecisionVotes_EvaluationId] ON [PhaseDecisionVotes] ([EvaluationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_PhaseDecisionVotes_MemberId] ON [PhaseDecisionVotes] ([MemberId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PhaseDecisionVotes_VotingId_EvaluationId_MemberId] ON [PhaseDecisionVotes] ([VotingId], [EvaluationId], [MemberId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_PhaseDecisionVotings_CommissionCompetitionId_Status] ON [PhaseDecisionVotings] ([CommissionCompetitionId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_PhaseDecisionVotings_PhaseEvaluationId_Status] ON [PhaseDecisionVotings] ([PhaseEvaluationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE INDEX [IX_PhaseEvaluations_CommissionCompetitionId] ON [PhaseEvaluations] ([CommissionCompetitionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PhaseEvaluations_PhaseId] ON [PhaseEvaluations] ([PhaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207152054_PhaseEvaluations'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207152054_PhaseEvaluations', N'10.0.14');
END;

COMMIT;
GO

