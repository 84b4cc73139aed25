CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AspNetRoles" (
        "Id" uuid NOT NULL,
        "Name" character varying(256),
        "NormalizedName" character varying(256),
        "ConcurrencyStamp" text,
        CONSTRAINT "PK_AspNetRoles" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AspNetUsers" (
        "Id" uuid NOT NULL,
        "DisplayName" text NOT NULL,
        "PreferredLanguage" text NOT NULL,
        "UserName" character varying(256),
        "NormalizedUserName" character varying(256),
        "Email" character varying(256),
        "NormalizedEmail" character varying(256),
        "EmailConfirmed" boolean NOT NULL,
        "PasswordHash" text,
        "SecurityStamp" text,
        "ConcurrencyStamp" text,
        "PhoneNumber" text,
        "PhoneNumberConfirmed" boolean NOT NULL,
        "TwoFactorEnabled" boolean NOT NULL,
        "LockoutEnd" timestamp with time zone,
        "LockoutEnabled" boolean NOT NULL,
        "AccessFailedCount" integer NOT NULL,
        CONSTRAINT "PK_AspNetUsers" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AuditChainHeads" (
        "Id" integer NOT NULL,
        "LastSequence" bigint NOT NULL,
        "LastHash" character(64) NOT NULL,
        "Appends" bigint NOT NULL,
        CONSTRAINT "PK_AuditChainHeads" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AuditEntries" (
        "Sequence" bigint NOT NULL,
        "OccurredAt" timestamp with time zone NOT NULL,
        "UserId" uuid,
        "UserName" character varying(256) NOT NULL,
        "Role" character varying(200) NOT NULL,
        "Command" character varying(200) NOT NULL,
        "EntityType" character varying(200) NOT NULL,
        "EntityId" character varying(200) NOT NULL,
        "Operation" character varying(20) NOT NULL,
        "Before" text,
        "After" text,
        "IpAddress" character varying(64),
        "CorrelationId" character varying(128),
        "PreviousHash" character(64) NOT NULL,
        "Hash" character(64) NOT NULL,
        CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Sequence")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AuditVerifications" (
        "Id" uuid NOT NULL,
        "VerifiedAt" timestamp with time zone NOT NULL,
        "IsIntact" boolean NOT NULL,
        "EntriesChecked" bigint NOT NULL,
        "FirstBrokenSequence" bigint,
        "Problem" character varying(1000),
        "Version" integer NOT NULL,
        CONSTRAINT "PK_AuditVerifications" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "Competitions" (
        "Id" uuid NOT NULL,
        "Name" character varying(200) NOT NULL,
        "Year" integer NOT NULL,
        "Round" integer NOT NULL,
        "Status" character varying(20) NOT NULL,
        "PassThreshold" numeric(6,1) NOT NULL,
        "ExpertsPerApplication" integer NOT NULL,
        "DivergenceThresholdPercent" numeric(5,2) NOT NULL,
        "HoldsPanel" boolean NOT NULL,
        "CorrectionWindowDays" integer NOT NULL,
        "AppealWindowDays" integer NOT NULL,
        "StatusValidityYears" integer NOT NULL,
        "MinimumClusterAgeYears" integer NOT NULL,
        "MinimumMembers" integer NOT NULL,
        "AnnouncedAt" timestamp with time zone,
        "Timeline_AnnouncementAt" timestamp with time zone NOT NULL,
        "Timeline_ClosesAt" timestamp with time zone NOT NULL,
        "Timeline_DecisionAt" timestamp with time zone NOT NULL,
        "Timeline_EvaluationDeadline" timestamp with time zone NOT NULL,
        "Timeline_FormalReviewDeadline" timestamp with time zone NOT NULL,
        "Timeline_OpensAt" timestamp with time zone NOT NULL,
        "Timeline_PanelAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_Competitions" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "CriterionTemplates" (
        "Code" character varying(10) NOT NULL,
        "AreaCode" character varying(10) NOT NULL,
        "AreaNamePl" character varying(300) NOT NULL,
        "AreaNameEn" character varying(300) NOT NULL,
        "NamePl" character varying(300) NOT NULL,
        "NameEn" character varying(300) NOT NULL,
        "MaxPoints" numeric(6,1) NOT NULL,
        "HalfPointsAllowed" boolean NOT NULL,
        "Order" integer NOT NULL,
        "TieBreakRank" integer,
        CONSTRAINT "PK_CriterionTemplates" PRIMARY KEY ("Code")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "DataProtectionKeys" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "FriendlyName" text,
        "Xml" text,
        CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "KisSpecialisations" (
        "Code" character varying(10) NOT NULL,
        "NamePl" character varying(300) NOT NULL,
        "NameEn" character varying(300) NOT NULL,
        "IsActive" boolean NOT NULL,
        CONSTRAINT "PK_KisSpecialisations" PRIMARY KEY ("Code")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "KpiDefinitions" (
        "Code" character varying(20) NOT NULL,
        "NamePl" character varying(300) NOT NULL,
        "NameEn" character varying(300) NOT NULL,
        "Unit" character varying(20) NOT NULL,
        "Direction" character varying(20) NOT NULL,
        "Aggregation" character varying(20) NOT NULL,
        "IsMandatory" boolean NOT NULL,
        "Minimum" numeric(18,2),
        CONSTRAINT "PK_KpiDefinitions" PRIMARY KEY ("Code")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "OpenIddictApplications" (
        "Id" uuid NOT NULL,
        "ApplicationType" character varying(50),
        "ClientId" character varying(100),
        "ClientSecret" text,
        "ClientType" character varying(50),
        "ConcurrencyToken" character varying(50),
        "ConsentType" character varying(50),
        "DisplayName" text,
        "DisplayNames" text,
        "JsonWebKeySet" text,
        "Permissions" text,
        "PostLogoutRedirectUris" text,
        "Properties" text,
        "RedirectUris" text,
        "Requirements" text,
        "Settings" text,
        CONSTRAINT "PK_OpenIddictApplications" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "OpenIddictScopes" (
        "Id" uuid NOT NULL,
        "ConcurrencyToken" character varying(50),
        "Description" text,
        "Descriptions" text,
        "DisplayName" text,
        "DisplayNames" text,
        "Name" character varying(200),
        "Properties" text,
        "Resources" text,
        CONSTRAINT "PK_OpenIddictScopes" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "Organisations" (
        "Id" uuid NOT NULL,
        "OwnerUserId" uuid NOT NULL,
        "Name" character varying(300) NOT NULL,
        "Nip" character varying(10) NOT NULL,
        "Regon" character varying(14),
        "Krs" character varying(10),
        "LegalForm" character varying(100) NOT NULL,
        "Address" character varying(500) NOT NULL,
        "VoivodeshipTeryt" character varying(2) NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_Organisations" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "Voivodeships" (
        "Teryt" character varying(2) NOT NULL,
        "Name" character varying(100) NOT NULL,
        CONSTRAINT "PK_Voivodeships" PRIMARY KEY ("Teryt")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AspNetRoleClaims" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "RoleId" uuid NOT NULL,
        "ClaimType" text,
        "ClaimValue" text,
        CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AspNetUserClaims" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "UserId" uuid NOT NULL,
        "ClaimType" text,
        "ClaimValue" text,
        CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AspNetUserLogins" (
        "LoginProvider" text NOT NULL,
        "ProviderKey" text NOT NULL,
        "ProviderDisplayName" text,
        "UserId" uuid NOT NULL,
        CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
        CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AspNetUserRoles" (
        "UserId" uuid NOT NULL,
        "RoleId" uuid NOT NULL,
        CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
        CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "AspNetUserTokens" (
        "UserId" uuid NOT NULL,
        "LoginProvider" text NOT NULL,
        "Name" text NOT NULL,
        "Value" text,
        CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
        CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "CompetitionCriterion" (
        "Id" uuid NOT NULL,
        "Code" character varying(10) NOT NULL,
        "AreaCode" character varying(10) NOT NULL,
        "AreaNamePl" character varying(300) NOT NULL,
        "AreaNameEn" character varying(300) NOT NULL,
        "NamePl" character varying(300) NOT NULL,
        "NameEn" character varying(300) NOT NULL,
        "Guidance" character varying(4000),
        "MaxPoints" numeric(6,1) NOT NULL,
        "HalfPointsAllowed" boolean NOT NULL,
        "Weight" numeric(6,2) NOT NULL,
        "MinimumPoints" numeric(6,1),
        "JustificationRequired" boolean NOT NULL,
        "MinimumJustificationLength" integer NOT NULL,
        "Order" integer NOT NULL,
        "TieBreakRank" integer,
        "CompetitionId" uuid,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_CompetitionCriterion" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CompetitionCriterion_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "OpenIddictAuthorizations" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid,
        "ConcurrencyToken" character varying(50),
        "CreationDate" timestamp with time zone,
        "Properties" text,
        "Scopes" text,
        "Status" character varying(50),
        "Subject" character varying(400),
        "Type" character varying(50),
        CONSTRAINT "PK_OpenIddictAuthorizations" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_OpenIddictAuthorizations_OpenIddictApplications_Application~" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "Clusters" (
        "Id" uuid NOT NULL,
        "OrganisationId" uuid NOT NULL,
        "Name" character varying(300) NOT NULL,
        "FoundedOn" date NOT NULL,
        "VoivodeshipTeryt" character varying(2) NOT NULL,
        "KisCodes" text[] NOT NULL,
        "Website" character varying(300),
        "Version" integer NOT NULL,
        CONSTRAINT "PK_Clusters" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Clusters_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "OpenIddictTokens" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid,
        "AuthorizationId" uuid,
        "ConcurrencyToken" character varying(50),
        "CreationDate" timestamp with time zone,
        "ExpirationDate" timestamp with time zone,
        "Payload" text,
        "Properties" text,
        "RedemptionDate" timestamp with time zone,
        "ReferenceId" character varying(100),
        "Status" character varying(50),
        "Subject" character varying(400),
        "Type" character varying(150),
        CONSTRAINT "PK_OpenIddictTokens" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id"),
        CONSTRAINT "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId" FOREIGN KEY ("AuthorizationId") REFERENCES "OpenIddictAuthorizations" ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "Applications" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "ClusterId" uuid NOT NULL,
        "OwnerUserId" uuid NOT NULL,
        "Status" character varying(30) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_Applications" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Applications_Clusters_ClusterId" FOREIGN KEY ("ClusterId") REFERENCES "Clusters" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Applications_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE TABLE "ClusterMembers" (
        "Id" uuid NOT NULL,
        "ClusterId" uuid NOT NULL,
        "Name" character varying(300) NOT NULL,
        "Nip" character varying(10) NOT NULL,
        "Type" character varying(40) NOT NULL,
        "Size" character varying(10),
        "VoivodeshipTeryt" character varying(2) NOT NULL,
        "JoinedOn" date NOT NULL,
        "Employment" integer NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ClusterMembers" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ClusterMembers_Clusters_ClusterId" FOREIGN KEY ("ClusterId") REFERENCES "Clusters" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    INSERT INTO "AuditChainHeads" ("Id", "Appends", "LastHash", "LastSequence")
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_Applications_ClusterId" ON "Applications" ("ClusterId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "IX_Applications_CompetitionId_ClusterId" ON "Applications" ("CompetitionId", "ClusterId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_Applications_OwnerUserId" ON "Applications" ("OwnerUserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_Applications_Status" ON "Applications" ("Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AuditEntries_Command" ON "AuditEntries" ("Command");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AuditEntries_OccurredAt" ON "AuditEntries" ("OccurredAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AuditEntries_UserName" ON "AuditEntries" ("UserName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_AuditVerifications_VerifiedAt" ON "AuditVerifications" ("VerifiedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "IX_ClusterMembers_ClusterId_Nip" ON "ClusterMembers" ("ClusterId", "Nip");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_ClusterMembers_Nip" ON "ClusterMembers" ("Nip");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_Clusters_OrganisationId" ON "Clusters" ("OrganisationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_CompetitionCriterion_CompetitionId" ON "CompetitionCriterion" ("CompetitionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_Competitions_Status" ON "Competitions" ("Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "IX_Competitions_Year_Round" ON "Competitions" ("Year", "Round");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "IX_OpenIddictApplications_ClientId" ON "OpenIddictApplications" ("ClientId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type" ON "OpenIddictAuthorizations" ("ApplicationId", "Status", "Subject", "Type");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "IX_OpenIddictScopes_Name" ON "OpenIddictScopes" ("Name");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type" ON "OpenIddictTokens" ("ApplicationId", "Status", "Subject", "Type");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_OpenIddictTokens_AuthorizationId" ON "OpenIddictTokens" ("AuthorizationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE UNIQUE INDEX "IX_OpenIddictTokens_ReferenceId" ON "OpenIddictTokens" ("ReferenceId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_Organisations_Nip" ON "Organisations" ("Nip");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    CREATE INDEX "IX_Organisations_OwnerUserId" ON "Organisations" ("OwnerUserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122124720_Foundation') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122124720_Foundation', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE TABLE "NotificationPreferences" (
        "Id" uuid NOT NULL,
        "UserId" uuid NOT NULL,
        "RuleKey" character varying(100) NOT NULL,
        "EmailEnabled" boolean NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE TABLE "Notifications" (
        "Id" uuid NOT NULL,
        "UserId" uuid NOT NULL,
        "OutboxMessageId" uuid,
        "Title" character varying(500) NOT NULL,
        "Text" text NOT NULL,
        "Link" character varying(1000),
        "CreatedAt" timestamp with time zone NOT NULL,
        "ReadAt" timestamp with time zone,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE TABLE "NotificationTemplates" (
        "Id" uuid NOT NULL,
        "Key" character varying(100) NOT NULL,
        "Language" character varying(5) NOT NULL,
        "Subject" character varying(300) NOT NULL,
        "Text" text NOT NULL,
        "Html" text NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_NotificationTemplates" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE TABLE "OutboxMessages" (
        "Id" uuid NOT NULL,
        "Channel" character varying(10) NOT NULL,
        "RecipientUserId" uuid NOT NULL,
        "RecipientEmail" character varying(256),
        "Language" character varying(5) NOT NULL,
        "TemplateKey" character varying(100) NOT NULL,
        "Subject" character varying(500) NOT NULL,
        "Text" text NOT NULL,
        "Html" text,
        "Link" character varying(1000),
        "Note" character varying(300),
        "Status" character varying(10) NOT NULL,
        "Attempts" integer NOT NULL,
        "NextAttemptAt" timestamp with time zone NOT NULL,
        "LeaseOwner" uuid,
        "LeaseUntil" timestamp with time zone,
        "LastError" character varying(2000),
        "CreatedAt" timestamp with time zone NOT NULL,
        "SentAt" timestamp with time zone,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_OutboxMessages" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE TABLE "ReminderDispatches" (
        "Id" uuid NOT NULL,
        "RuleKey" character varying(100) NOT NULL,
        "SubjectKey" character varying(200) NOT NULL,
        "OffsetDays" integer NOT NULL,
        "DueAt" timestamp with time zone NOT NULL,
        "DispatchedAt" timestamp with time zone NOT NULL,
        "Recipients" integer NOT NULL,
        "OfficialsCopied" boolean NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ReminderDispatches" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE TABLE "ReminderRules" (
        "Id" uuid NOT NULL,
        "Key" character varying(100) NOT NULL,
        "NamePl" character varying(200) NOT NULL,
        "NameEn" character varying(200) NOT NULL,
        "OffsetDays" character varying(200) NOT NULL,
        "Enabled" boolean NOT NULL,
        "Mandatory" boolean NOT NULL,
        "EscalateAfterDeadline" boolean NOT NULL,
        "LastScanAt" timestamp with time zone,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ReminderRules" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE UNIQUE INDEX "IX_NotificationPreferences_UserId_RuleKey" ON "NotificationPreferences" ("UserId", "RuleKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE UNIQUE INDEX "IX_Notifications_OutboxMessageId" ON "Notifications" ("OutboxMessageId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE INDEX "IX_Notifications_UserId_CreatedAt" ON "Notifications" ("UserId", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE INDEX "IX_Notifications_UserId_ReadAt" ON "Notifications" ("UserId", "ReadAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE UNIQUE INDEX "IX_NotificationTemplates_Key_Language" ON "NotificationTemplates" ("Key", "Language");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE INDEX "IX_OutboxMessages_CreatedAt" ON "OutboxMessages" ("CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE INDEX "IX_OutboxMessages_LeaseOwner" ON "OutboxMessages" ("LeaseOwner");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE UNIQUE INDEX "IX_ReminderDispatches_RuleKey_SubjectKey_OffsetDays" ON "ReminderDispatches" ("RuleKey", "SubjectKey", "OffsetDays");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    CREATE UNIQUE INDEX "IX_ReminderRules_Key" ON "ReminderRules" ("Key");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122132639_Notifications') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122132639_Notifications', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    DROP INDEX "IX_Applications_Status";
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "FormalDecisionAt" timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "FormalDecisionReasons" character varying(4000);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "Number" character varying(30);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "SubmissionHash" character varying(64);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "SubmittedAt" timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "UpdatedAt" timestamp with time zone NOT NULL DEFAULT TIMESTAMPTZ '-infinity';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "WithdrawalReason" character varying(4000);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    ALTER TABLE "Applications" ADD "WithdrawnAt" timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE TABLE "ApplicationAttachments" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "Kind" character varying(30) NOT NULL,
        "FileName" character varying(255) NOT NULL,
        "ContentType" character varying(100) NOT NULL,
        "SizeBytes" bigint NOT NULL,
        "Sha256" character varying(64) NOT NULL,
        "UploadedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ApplicationAttachments" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ApplicationAttachments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE TABLE "ApplicationIndicators" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "Year" integer NOT NULL,
        "Values_Employment" integer,
        "Values_ExportSharePercent" numeric(5,2),
        "Values_InternationalAgreements" integer,
        "Values_InternshipsAndTrainings" integer,
        "Values_JointProjects" integer,
        "Values_JointProjectsValue" numeric(18,2),
        "Values_Patents" integer,
        "Values_ProcessInnovations" integer,
        "Values_ProductInnovations" integer,
        "Values_RdSpending" numeric(18,2),
        "Values_Revenue" numeric(18,2),
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ApplicationIndicators" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ApplicationIndicators_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE TABLE "ApplicationNarratives" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "AreaCode" character varying(10) NOT NULL,
        "Text" character varying(20000) NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ApplicationNarratives" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ApplicationNarratives_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE TABLE "ApplicationSnapshots" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "Kind" character varying(20) NOT NULL,
        "Json" text NOT NULL,
        "Sha256" character varying(64) NOT NULL,
        "TakenAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ApplicationSnapshots" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ApplicationSnapshots_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE TABLE "CorrectionRequests" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "SentAt" timestamp with time zone NOT NULL,
        "WindowDays" integer NOT NULL,
        "DeliveredAt" timestamp with time zone,
        "DeadlineAt" timestamp with time zone NOT NULL,
        "AnsweredAt" timestamp with time zone,
        "Answer" character varying(10000),
        "Version" integer NOT NULL,
        "Items" jsonb NOT NULL,
        CONSTRAINT "PK_CorrectionRequests" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CorrectionRequests_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE TABLE "FormalChecks" (
        "Id" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "RuleCode" character varying(50) NOT NULL,
        "Outcome" character varying(10) NOT NULL,
        "Comment" character varying(4000),
        "DecidedBy" uuid NOT NULL,
        "DecidedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_FormalChecks" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_FormalChecks_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE TABLE "SubmissionCounters" (
        "CompetitionId" uuid NOT NULL,
        "LastNumber" integer NOT NULL,
        CONSTRAINT "PK_SubmissionCounters" PRIMARY KEY ("CompetitionId"),
        CONSTRAINT "FK_SubmissionCounters_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE INDEX "IX_Applications_CompetitionId_Status" ON "Applications" ("CompetitionId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE UNIQUE INDEX "IX_Applications_Number" ON "Applications" ("Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE INDEX "IX_ApplicationAttachments_ApplicationId" ON "ApplicationAttachments" ("ApplicationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE INDEX "IX_ApplicationAttachments_Sha256" ON "ApplicationAttachments" ("Sha256");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE UNIQUE INDEX "IX_ApplicationIndicators_ApplicationId_Year" ON "ApplicationIndicators" ("ApplicationId", "Year");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE UNIQUE INDEX "IX_ApplicationNarratives_ApplicationId_AreaCode" ON "ApplicationNarratives" ("ApplicationId", "AreaCode");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE INDEX "IX_ApplicationSnapshots_ApplicationId_TakenAt" ON "ApplicationSnapshots" ("ApplicationId", "TakenAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE UNIQUE INDEX "IX_CorrectionRequests_ApplicationId" ON "CorrectionRequests" ("ApplicationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE INDEX "IX_CorrectionRequests_DeadlineAt" ON "CorrectionRequests" ("DeadlineAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    CREATE UNIQUE INDEX "IX_FormalChecks_ApplicationId_RuleCode" ON "FormalChecks" ("ApplicationId", "RuleCode");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122154228_Applications') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122154228_Applications', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    DROP INDEX "IX_Organisations_OwnerUserId";
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    DROP INDEX "IX_CompetitionCriterion_CompetitionId";
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    DROP INDEX "IX_Clusters_OrganisationId";
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Competitions" ADD "AnnouncedSnapshot" text;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Competitions" ADD "AnnouncedSnapshotSha256" character varying(64);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Competitions" ADD "DraftRevision" integer NOT NULL DEFAULT 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Competitions" ADD "RulesVersion" integer NOT NULL DEFAULT 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    UPDATE "CompetitionCriterion" SET "CompetitionId" = '00000000-0000-0000-0000-000000000000' WHERE "CompetitionId" IS NULL;
    ALTER TABLE "CompetitionCriterion" ALTER COLUMN "CompetitionId" SET NOT NULL;
    ALTER TABLE "CompetitionCriterion" ALTER COLUMN "CompetitionId" SET DEFAULT '00000000-0000-0000-0000-000000000000';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Clusters" ADD "KeyEnablingTechnologies" text[] NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Clusters" ADD "LastImportAt" timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Clusters" ADD "LastImportMode" character varying(10);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Clusters" ADD "LastImportRows" integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    ALTER TABLE "Applications" ADD "CorrectionHash" text;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    CREATE TABLE "EligibilityRule" (
        "Id" uuid NOT NULL,
        "Code" character varying(50) NOT NULL,
        "NamePl" character varying(500) NOT NULL,
        "NameEn" character varying(500) NOT NULL,
        "IsPreChecked" boolean NOT NULL,
        "IsCustom" boolean NOT NULL,
        "Order" integer NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_EligibilityRule" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_EligibilityRule_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    CREATE UNIQUE INDEX "IX_Organisations_OwnerUserId" ON "Organisations" ("OwnerUserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    CREATE UNIQUE INDEX "IX_CompetitionCriterion_CompetitionId_Code" ON "CompetitionCriterion" ("CompetitionId", "Code");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    CREATE UNIQUE INDEX "IX_Clusters_OrganisationId" ON "Clusters" ("OrganisationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    CREATE INDEX "IX_ClusterMembers_ClusterId_Name" ON "ClusterMembers" ("ClusterId", "Name");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    CREATE UNIQUE INDEX "IX_EligibilityRule_CompetitionId_Code" ON "EligibilityRule" ("CompetitionId", "Code");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122165941_CompetitionSetupClustersFormalReview') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122165941_CompetitionSetupClustersFormalReview', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    ALTER TABLE "Competitions" ADD "ScoringWindowDays" integer NOT NULL DEFAULT 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    ALTER TABLE "Applications" ADD "DivergenceDetectedAt" timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE TABLE "EvaluationResults" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "Method" character varying(20) NOT NULL,
        "SheetsUsed" uuid[] NOT NULL,
        "ComputedAt" timestamp with time zone NOT NULL,
        "ExpertTotal" numeric(9,2) NOT NULL,
        "Total" numeric(9,2) NOT NULL,
        "Passed" boolean NOT NULL,
        "PanelScheduledAt" timestamp with time zone,
        "PanelPlace" character varying(300),
        "Version" integer NOT NULL,
        "Criteria" jsonb NOT NULL,
        CONSTRAINT "PK_EvaluationResults" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_EvaluationResults_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_EvaluationResults_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE TABLE "Experts" (
        "Id" uuid NOT NULL,
        "Email" character varying(256) NOT NULL,
        "FullName" character varying(200) NOT NULL,
        "UserId" uuid,
        "Status" character varying(20) NOT NULL,
        "VoivodeshipTeryt" character varying(2),
        "KisCodes" text[] NOT NULL,
        "MaxLoadPerCompetition" integer NOT NULL,
        "Available" boolean NOT NULL,
        "InvitedAt" timestamp with time zone NOT NULL,
        "InvitedBy" uuid NOT NULL,
        "InvitationTokenHash" character varying(64),
        "InvitationExpiresAt" timestamp with time zone,
        "JoinedAt" timestamp with time zone,
        "ProfileUpdatedAt" timestamp with time zone,
        "Version" integer NOT NULL,
        "Affiliations" jsonb NOT NULL,
        CONSTRAINT "PK_Experts" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE TABLE "AssignmentOverrides" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "ExpertId" uuid NOT NULL,
        "Kind" character varying(10) NOT NULL,
        "Reason" character varying(2000) NOT NULL,
        "CreatedBy" uuid NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_AssignmentOverrides" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AssignmentOverrides_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_AssignmentOverrides_Experts_ExpertId" FOREIGN KEY ("ExpertId") REFERENCES "Experts" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE TABLE "ExpertAssignments" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "ExpertId" uuid NOT NULL,
        "Status" character varying(20) NOT NULL,
        "Origin" character varying(20) NOT NULL,
        "AssignedAt" timestamp with time zone NOT NULL,
        "AssignedBy" uuid,
        "Deadline" timestamp with time zone NOT NULL,
        "KisMatches" integer NOT NULL,
        "OtherVoivodeship" boolean NOT NULL,
        "LoadAfter" integer NOT NULL,
        "Pinned" boolean NOT NULL,
        "DeclarationSignedAt" timestamp with time zone,
        "ConflictDeclaredAt" timestamp with time zone,
        "ConflictReason" character varying(2000),
        "ReleasedAt" timestamp with time zone,
        "ReleaseReason" character varying(2000),
        "OverallOpinion" character varying(8000),
        "SheetSavedAt" timestamp with time zone,
        "SubmittedAt" timestamp with time zone,
        "Version" integer NOT NULL,
        "Scores" jsonb NOT NULL,
        CONSTRAINT "PK_ExpertAssignments" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ExpertAssignments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ExpertAssignments_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ExpertAssignments_Experts_ExpertId" FOREIGN KEY ("ExpertId") REFERENCES "Experts" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE UNIQUE INDEX "IX_AssignmentOverrides_ApplicationId_ExpertId" ON "AssignmentOverrides" ("ApplicationId", "ExpertId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_AssignmentOverrides_CompetitionId" ON "AssignmentOverrides" ("CompetitionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_AssignmentOverrides_ExpertId" ON "AssignmentOverrides" ("ExpertId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE UNIQUE INDEX "IX_EvaluationResults_ApplicationId" ON "EvaluationResults" ("ApplicationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_EvaluationResults_CompetitionId_Total" ON "EvaluationResults" ("CompetitionId", "Total");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_ExpertAssignments_ApplicationId_ExpertId" ON "ExpertAssignments" ("ApplicationId", "ExpertId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_ExpertAssignments_CompetitionId_Status_Deadline" ON "ExpertAssignments" ("CompetitionId", "Status", "Deadline");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_ExpertAssignments_ExpertId_CompetitionId_Status" ON "ExpertAssignments" ("ExpertId", "CompetitionId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE UNIQUE INDEX "IX_Experts_Email" ON "Experts" ("Email");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_Experts_InvitationTokenHash" ON "Experts" ("InvitationTokenHash");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE INDEX "IX_Experts_Status_FullName" ON "Experts" ("Status", "FullName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    CREATE UNIQUE INDEX "IX_Experts_UserId" ON "Experts" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122182538_ExpertEvaluation') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122182538_ExpertEvaluation', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    DROP INDEX "IX_EvaluationResults_ApplicationId";
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "ExpertAssignments" ADD "Round" integer NOT NULL DEFAULT 1;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "EvaluationResults" ADD "Round" integer NOT NULL DEFAULT 1;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "EvaluationResults" ADD "SupersededAt" timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "Competitions" ADD "AppealRuledBy" character varying(12) NOT NULL DEFAULT 'Official';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "Competitions" ADD "ProgrammePhaseId" uuid;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "Competitions" ADD "ReEvaluationExperts" integer NOT NULL DEFAULT 1;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "Applications" ADD "DecidedAt" timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "Applications" ADD "EvaluationRound" integer NOT NULL DEFAULT 1;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "CertificationDecisions" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "ClusterId" uuid NOT NULL,
        "ResolutionId" uuid NOT NULL,
        "ResolutionNumber" character varying(50) NOT NULL,
        "Outcome" character varying(10) NOT NULL,
        "Justification" character varying(8000) NOT NULL,
        "VotesFor" integer NOT NULL,
        "VotesAgainst" integer NOT NULL,
        "VotesAbstained" integer NOT NULL,
        "DecidedAt" timestamp with time zone NOT NULL,
        "DeliveredAt" timestamp with time zone,
        "DeliveredBy" character varying(10),
        "AppealWindowDays" integer NOT NULL,
        "AppealDeadline" timestamp with time zone,
        "SupersededBy" uuid,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_CertificationDecisions" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CertificationDecisions_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_CertificationDecisions_Clusters_ClusterId" FOREIGN KEY ("ClusterId") REFERENCES "Clusters" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_CertificationDecisions_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "CommissionMembers" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "UserId" uuid NOT NULL,
        "Email" character varying(256) NOT NULL,
        "FullName" character varying(200) NOT NULL,
        "Side" character varying(10) NOT NULL,
        "VoivodeshipTeryt" character varying(2),
        "AffiliationNips" text[] NOT NULL,
        "AddedAt" timestamp with time zone NOT NULL,
        "AddedBy" uuid NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_CommissionMembers" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CommissionMembers_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "CommissionVotings" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "Status" character varying(10) NOT NULL,
        "MemberCount" integer NOT NULL,
        "OpenedAt" timestamp with time zone NOT NULL,
        "OpenedBy" uuid NOT NULL,
        "ClosedAt" timestamp with time zone,
        "ClosedBy" uuid,
        "ResolutionId" uuid,
        "Version" integer NOT NULL,
        "Items" jsonb NOT NULL,
        CONSTRAINT "PK_CommissionVotings" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CommissionVotings_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "ProgrammePhases" (
        "Id" uuid NOT NULL,
        "Number" integer NOT NULL,
        "StartsOn" date NOT NULL,
        "EndsOn" date NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ProgrammePhases" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "Appeals" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "DecisionId" uuid NOT NULL,
        "LodgedBy" uuid NOT NULL,
        "LodgedAt" timestamp with time zone NOT NULL,
        "Deadline" timestamp with time zone NOT NULL,
        "Statement" character varying(8000) NOT NULL,
        "State" character varying(12) NOT NULL,
        "RuledAs" character varying(12),
        "RuledBy" uuid,
        "RuledAt" timestamp with time zone,
        "RulingReasons" character varying(8000),
        "ReEvaluationResultId" uuid,
        "ReEvaluatedAt" timestamp with time zone,
        "Version" integer NOT NULL,
        "Grounds" jsonb NOT NULL,
        CONSTRAINT "PK_Appeals" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Appeals_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Appeals_CertificationDecisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "CertificationDecisions" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Appeals_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "KkkStatuses" (
        "Id" uuid NOT NULL,
        "ClusterId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "DecisionId" uuid NOT NULL,
        "CertificateNumber" character varying(30) NOT NULL,
        "ClusterName" character varying(300) NOT NULL,
        "CoordinatorName" character varying(300) NOT NULL,
        "CoordinatorNip" character varying(10) NOT NULL,
        "VoivodeshipTeryt" character varying(2) NOT NULL,
        "KisCodes" text[] NOT NULL,
        "Website" character varying(500),
        "ValidFrom" date NOT NULL,
        "ValidTo" date NOT NULL,
        "State" character varying(12) NOT NULL,
        "EndedOn" date,
        "EndReason" character varying(2000),
        "EndedBy" uuid,
        "GrantedAt" timestamp with time zone NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_KkkStatuses" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_KkkStatuses_CertificationDecisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "CertificationDecisions" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_KkkStatuses_Clusters_ClusterId" FOREIGN KEY ("ClusterId") REFERENCES "Clusters" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "CommissionResolutions" (
        "Id" uuid NOT NULL,
        "CompetitionId" uuid NOT NULL,
        "VotingId" uuid NOT NULL,
        "Number" character varying(30) NOT NULL,
        "Year" integer NOT NULL,
        "Sequence" integer NOT NULL,
        "ResolvedOn" date NOT NULL,
        "MemberCount" integer NOT NULL,
        "RecordedAt" timestamp with time zone NOT NULL,
        "RecordedBy" uuid NOT NULL,
        "Version" integer NOT NULL,
        "Outcomes" jsonb NOT NULL,
        CONSTRAINT "PK_CommissionResolutions" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CommissionResolutions_CommissionVotings_VotingId" FOREIGN KEY ("VotingId") REFERENCES "CommissionVotings" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_CommissionResolutions_Competitions_CompetitionId" FOREIGN KEY ("CompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE TABLE "CommissionVotes" (
        "Id" uuid NOT NULL,
        "VotingId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "MemberId" uuid NOT NULL,
        "Choice" character varying(10) NOT NULL,
        "Comment" character varying(2000),
        "CastAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_CommissionVotes" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CommissionVotes_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_CommissionVotes_CommissionMembers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "CommissionMembers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_CommissionVotes_CommissionVotings_VotingId" FOREIGN KEY ("VotingId") REFERENCES "CommissionVotings" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_EvaluationResults_ApplicationId_Round" ON "EvaluationResults" ("ApplicationId", "Round");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_Competitions_ProgrammePhaseId" ON "Competitions" ("ProgrammePhaseId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_Appeals_ApplicationId" ON "Appeals" ("ApplicationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_Appeals_CompetitionId_LodgedAt" ON "Appeals" ("CompetitionId", "LodgedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_Appeals_DecisionId" ON "Appeals" ("DecisionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_Appeals_State_LodgedAt" ON "Appeals" ("State", "LodgedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CertificationDecisions_ApplicationId_DecidedAt" ON "CertificationDecisions" ("ApplicationId", "DecidedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CertificationDecisions_ClusterId" ON "CertificationDecisions" ("ClusterId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CertificationDecisions_CompetitionId" ON "CertificationDecisions" ("CompetitionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CertificationDecisions_ResolutionId" ON "CertificationDecisions" ("ResolutionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_CommissionMembers_CompetitionId_UserId" ON "CommissionMembers" ("CompetitionId", "UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CommissionMembers_UserId" ON "CommissionMembers" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CommissionResolutions_CompetitionId_ResolvedOn" ON "CommissionResolutions" ("CompetitionId", "ResolvedOn");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_CommissionResolutions_Number" ON "CommissionResolutions" ("Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_CommissionResolutions_VotingId" ON "CommissionResolutions" ("VotingId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_CommissionResolutions_Year_Sequence" ON "CommissionResolutions" ("Year", "Sequence");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CommissionVotes_ApplicationId" ON "CommissionVotes" ("ApplicationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CommissionVotes_MemberId" ON "CommissionVotes" ("MemberId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_CommissionVotes_VotingId_ApplicationId_MemberId" ON "CommissionVotes" ("VotingId", "ApplicationId", "MemberId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_CommissionVotings_CompetitionId_Status" ON "CommissionVotings" ("CompetitionId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_KkkStatuses_CertificateNumber" ON "KkkStatuses" ("CertificateNumber");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_KkkStatuses_ClusterId_ValidFrom" ON "KkkStatuses" ("ClusterId", "ValidFrom");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_KkkStatuses_DecisionId" ON "KkkStatuses" ("DecisionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_KkkStatuses_State_ValidTo" ON "KkkStatuses" ("State", "ValidTo");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE INDEX "IX_KkkStatuses_VoivodeshipTeryt_State" ON "KkkStatuses" ("VoivodeshipTeryt", "State");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    CREATE UNIQUE INDEX "IX_ProgrammePhases_Number" ON "ProgrammePhases" ("Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    ALTER TABLE "Competitions" ADD CONSTRAINT "FK_Competitions_ProgrammePhases_ProgrammePhaseId" FOREIGN KEY ("ProgrammePhaseId") REFERENCES "ProgrammePhases" ("Id") ON DELETE RESTRICT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261123012001_CertificationAppealsRegistryAndPhases') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261123012001_CertificationAppealsRegistryAndPhases', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE TABLE "ProgrammeContracts" (
        "Id" uuid NOT NULL,
        "Number" character varying(30) NOT NULL,
        "PhaseId" uuid NOT NULL,
        "KkkStatusId" uuid NOT NULL,
        "ClusterId" uuid NOT NULL,
        "ApplicationId" uuid NOT NULL,
        "ClusterName" character varying(300) NOT NULL,
        "CoordinatorName" character varying(300) NOT NULL,
        "CoordinatorNip" character varying(10) NOT NULL,
        "VoivodeshipTeryt" character varying(2) NOT NULL,
        "KisCodes" text[] NOT NULL,
        "RegionParty" character varying(200) NOT NULL,
        "StartsOn" date NOT NULL,
        "EndsOn" date NOT NULL,
        "Status" character varying(12) NOT NULL,
        "ResponsibleOfficialId" uuid NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "CoordinatorSignedAt" timestamp with time zone,
        "CoordinatorSignedBy" uuid,
        "SignedOn" date,
        "SignedBy" uuid,
        "ActivatedAt" timestamp with time zone,
        "StatusReason" character varying(2000),
        "StatusChangedAt" timestamp with time zone,
        "TerminatedOn" date,
        "AchievementPercent" numeric(18,2),
        "AchievementReports" integer NOT NULL,
        "AchievementUpdatedAt" timestamp with time zone,
        "Terms_AnnualDueDay" integer NOT NULL,
        "Terms_AnnualDueMonth" integer NOT NULL,
        "Terms_FinalDueDays" integer NOT NULL,
        "Terms_JustificationBelowPercent" numeric(5,2) NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ProgrammeContracts" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ProgrammeContracts_Clusters_ClusterId" FOREIGN KEY ("ClusterId") REFERENCES "Clusters" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ProgrammeContracts_KkkStatuses_KkkStatusId" FOREIGN KEY ("KkkStatusId") REFERENCES "KkkStatuses" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ProgrammeContracts_ProgrammePhases_PhaseId" FOREIGN KEY ("PhaseId") REFERENCES "ProgrammePhases" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE TABLE "ProgrammeSettings" (
        "Id" uuid NOT NULL,
        "AnnualDueMonth" integer NOT NULL,
        "AnnualDueDay" integer NOT NULL,
        "FinalDueDays" integer NOT NULL,
        "JustificationBelowPercent" numeric(5,2) NOT NULL,
        "GreenFromPercent" numeric(5,2) NOT NULL,
        "AmberFromPercent" numeric(5,2) NOT NULL,
        "UpdatedAt" timestamp with time zone,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_ProgrammeSettings" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE TABLE "ContractAmendments" (
        "Id" uuid NOT NULL,
        "ContractId" uuid NOT NULL,
        "Number" integer NOT NULL,
        "BasedOnVersion" integer NOT NULL,
        "Reason" character varying(4000) NOT NULL,
        "State" character varying(10) NOT NULL,
        "ProposedBy" uuid NOT NULL,
        "ProposedAt" timestamp with time zone NOT NULL,
        "DecidedBy" uuid,
        "DecidedAt" timestamp with time zone,
        "DecisionReason" character varying(4000),
        "ResultingVersion" integer,
        "Version" integer NOT NULL,
        "Budget" jsonb NOT NULL,
        "Targets" jsonb NOT NULL,
        CONSTRAINT "PK_ContractAmendments" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ContractAmendments_ProgrammeContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "ProgrammeContracts" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE TABLE "ContractVersions" (
        "Id" uuid NOT NULL,
        "ContractId" uuid NOT NULL,
        "Number" integer NOT NULL,
        "EffectiveFrom" date NOT NULL,
        "AmendmentId" uuid,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        "Budget" jsonb NOT NULL,
        "Kpis" jsonb NOT NULL,
        "Targets" jsonb NOT NULL,
        CONSTRAINT "PK_ContractVersions" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ContractVersions_ProgrammeContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "ProgrammeContracts" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE TABLE "KpiReports" (
        "Id" uuid NOT NULL,
        "ContractId" uuid NOT NULL,
        "Kind" character varying(10) NOT NULL,
        "Year" integer,
        "PeriodStart" date NOT NULL,
        "PeriodEnd" date NOT NULL,
        "DueOn" date NOT NULL,
        "Status" character varying(12) NOT NULL,
        "Narrative" character varying(20000) NOT NULL,
        "ReviewComment" character varying(4000),
        "ReturnCount" integer NOT NULL,
        "FirstSubmittedAt" timestamp with time zone,
        "SubmittedAt" timestamp with time zone,
        "SubmittedBy" uuid,
        "DaysLate" integer,
        "ReviewedAt" timestamp with time zone,
        "ReviewedBy" uuid,
        "AcceptedAt" timestamp with time zone,
        "UpdatedAt" timestamp with time zone,
        "Version" integer NOT NULL,
        "Disbursements" jsonb NOT NULL,
        "Lines" jsonb NOT NULL,
        CONSTRAINT "PK_KpiReports" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_KpiReports_ProgrammeContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "ProgrammeContracts" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE TABLE "KpiReportEvidence" (
        "Id" uuid NOT NULL,
        "ReportId" uuid NOT NULL,
        "FileName" character varying(255) NOT NULL,
        "ContentType" character varying(100) NOT NULL,
        "SizeBytes" bigint NOT NULL,
        "Sha256" character varying(64) NOT NULL,
        "UploadedBy" uuid NOT NULL,
        "UploadedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_KpiReportEvidence" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_KpiReportEvidence_KpiReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "KpiReports" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE UNIQUE INDEX "IX_ContractAmendments_ContractId_Number" ON "ContractAmendments" ("ContractId", "Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE INDEX "IX_ContractAmendments_State_ProposedAt" ON "ContractAmendments" ("State", "ProposedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE UNIQUE INDEX "IX_ContractVersions_ContractId_Number" ON "ContractVersions" ("ContractId", "Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE INDEX "IX_KpiReportEvidence_ReportId" ON "KpiReportEvidence" ("ReportId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE UNIQUE INDEX "IX_KpiReports_ContractId_Kind_Year" ON "KpiReports" ("ContractId", "Kind", "Year");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE INDEX "IX_KpiReports_Status_DueOn" ON "KpiReports" ("Status", "DueOn");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE INDEX "IX_ProgrammeContracts_ClusterId" ON "ProgrammeContracts" ("ClusterId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE INDEX "IX_ProgrammeContracts_KkkStatusId" ON "ProgrammeContracts" ("KkkStatusId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE UNIQUE INDEX "IX_ProgrammeContracts_Number" ON "ProgrammeContracts" ("Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE UNIQUE INDEX "IX_ProgrammeContracts_PhaseId_ClusterId" ON "ProgrammeContracts" ("PhaseId", "ClusterId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    CREATE INDEX "IX_ProgrammeContracts_Status_VoivodeshipTeryt" ON "ProgrammeContracts" ("Status", "VoivodeshipTeryt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207100525_ProgrammeContractsAndKpiReports') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261207100525_ProgrammeContractsAndKpiReports', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    ALTER TABLE "ProgrammeSettings" ADD "EvaluationLeadDays" integer NOT NULL DEFAULT 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE TABLE "PhaseEvaluations" (
        "Id" uuid NOT NULL,
        "PhaseId" uuid NOT NULL,
        "PhaseNumber" integer NOT NULL,
        "PhaseEndsOn" date NOT NULL,
        "Status" character varying(10) NOT NULL,
        "CommissionCompetitionId" uuid NOT NULL,
        "QuantitativeWeightPercent" numeric(5,2) NOT NULL,
        "OpenedAt" timestamp with time zone NOT NULL,
        "OpenedBy" uuid NOT NULL,
        "ClosedAt" timestamp with time zone,
        "ClosedBy" uuid,
        "Version" integer NOT NULL,
        "Criteria" jsonb NOT NULL,
        CONSTRAINT "PK_PhaseEvaluations" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_PhaseEvaluations_Competitions_CommissionCompetitionId" FOREIGN KEY ("CommissionCompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_PhaseEvaluations_ProgrammePhases_PhaseId" FOREIGN KEY ("PhaseId") REFERENCES "ProgrammePhases" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE TABLE "ContractEvaluations" (
        "Id" uuid NOT NULL,
        "PhaseEvaluationId" uuid NOT NULL,
        "PhaseId" uuid NOT NULL,
        "ContractId" uuid NOT NULL,
        "ClusterId" uuid NOT NULL,
        "KkkStatusId" uuid NOT NULL,
        "ContractNumber" character varying(30) NOT NULL,
        "ClusterName" character varying(300) NOT NULL,
        "VoivodeshipTeryt" character varying(2) NOT NULL,
        "Status" character varying(20) NOT NULL,
        "QuantitativePercent" numeric(9,2),
        "AcceptedReports" integer NOT NULL,
        "QuantitativeAt" timestamp with time zone NOT NULL,
        "EvaluatorUserId" uuid,
        "QualitativePercent" numeric(5,2),
        "ScoredAt" timestamp with time zone,
        "OverallPercent" numeric(9,2),
        "Decision" character varying(12),
        "DecisionJustification" character varying(4000),
        "RemediationItems" text[] NOT NULL,
        "ReviewOn" date,
        "DecidedAt" timestamp with time zone,
        "DecidedBy" uuid,
        "CommissionRefusedAt" timestamp with time zone,
        "ApprovedAt" timestamp with time zone,
        "CreatedAt" timestamp with time zone NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        "MissingReports" jsonb NOT NULL,
        "Scores" jsonb NOT NULL,
        CONSTRAINT "PK_ContractEvaluations" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ContractEvaluations_KkkStatuses_KkkStatusId" FOREIGN KEY ("KkkStatusId") REFERENCES "KkkStatuses" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ContractEvaluations_PhaseEvaluations_PhaseEvaluationId" FOREIGN KEY ("PhaseEvaluationId") REFERENCES "PhaseEvaluations" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ContractEvaluations_ProgrammeContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "ProgrammeContracts" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE TABLE "PhaseDecisionVotings" (
        "Id" uuid NOT NULL,
        "PhaseEvaluationId" uuid NOT NULL,
        "CommissionCompetitionId" uuid NOT NULL,
        "Status" character varying(10) NOT NULL,
        "MemberCount" integer NOT NULL,
        "EvaluationIds" uuid[] NOT NULL,
        "OpenedAt" timestamp with time zone NOT NULL,
        "OpenedBy" uuid NOT NULL,
        "ClosedAt" timestamp with time zone,
        "ClosedBy" uuid,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_PhaseDecisionVotings" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_PhaseDecisionVotings_Competitions_CommissionCompetitionId" FOREIGN KEY ("CommissionCompetitionId") REFERENCES "Competitions" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_PhaseDecisionVotings_PhaseEvaluations_PhaseEvaluationId" FOREIGN KEY ("PhaseEvaluationId") REFERENCES "PhaseEvaluations" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE TABLE "PhaseDecisionVotes" (
        "Id" uuid NOT NULL,
        "VotingId" uuid NOT NULL,
        "EvaluationId" uuid NOT NULL,
        "MemberId" uuid NOT NULL,
        "Choice" character varying(10) NOT NULL,
        "Comment" character varying(2000),
        "CastAt" timestamp with time zone NOT NULL,
        "Version" integer NOT NULL,
        CONSTRAINT "PK_PhaseDecisionVotes" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_PhaseDecisionVotes_CommissionMembers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "CommissionMembers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_PhaseDecisionVotes_ContractEvaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "ContractEvaluations" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_PhaseDecisionVotes_PhaseDecisionVotings_VotingId" FOREIGN KEY ("VotingId") REFERENCES "PhaseDecisionVotings" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_ContractEvaluations_ClusterId" ON "ContractEvaluations" ("ClusterId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE UNIQUE INDEX "IX_ContractEvaluations_ContractId" ON "ContractEvaluations" ("ContractId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_ContractEvaluations_EvaluatorUserId" ON "ContractEvaluations" ("EvaluatorUserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_ContractEvaluations_KkkStatusId" ON "ContractEvaluations" ("KkkStatusId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_ContractEvaluations_PhaseEvaluationId_Status" ON "ContractEvaluations" ("PhaseEvaluationId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_PhaseDecisionVotes_EvaluationId" ON "PhaseDecisionVotes" ("EvaluationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_PhaseDecisionVotes_MemberId" ON "PhaseDecisionVotes" ("MemberId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE UNIQUE INDEX "IX_PhaseDecisionVotes_VotingId_EvaluationId_MemberId" ON "PhaseDecisionVotes" ("VotingId", "EvaluationId", "MemberId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_PhaseDecisionVotings_CommissionCompetitionId_Status" ON "PhaseDecisionVotings" ("CommissionCompetitionId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_PhaseDecisionVotings_PhaseEvaluationId_Status" ON "PhaseDecisionVotings" ("PhaseEvaluationId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE INDEX "IX_PhaseEvaluations_CommissionCompetitionId" ON "PhaseEvaluations" ("CommissionCompetitionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    CREATE UNIQUE INDEX "IX_PhaseEvaluations_PhaseId" ON "PhaseEvaluations" ("PhaseId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207152110_PhaseEvaluations') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261207152110_PhaseEvaluations', '10.0.14');
    END IF;
END $EF$;
COMMIT;

