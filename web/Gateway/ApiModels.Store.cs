namespace Crm.Web.Gateway;

// What the console reads of the contract forms, the store's roster and settings, problems, registers and reports.

public sealed record FormReview(DateTimeOffset At, string By, string? Reason);

public sealed record ContractFormDetail(
    string Serial, Guid StoreId, string State, Guid? HolderId, string? HolderName, DateTimeOffset ReceivedAt, Guid? DesignerId, string? DesignerName,
    Guid? CustomerId, DateTimeOffset? IssuedAt, Contract? Contract, DateTimeOffset? RetrievedAt, PassedOn? PassedOn, FormReview? Review,
    DateTimeOffset? ReportedAt, DateTimeOffset? AcknowledgedAt, string? EndReason, DateTimeOffset? EndedAt);

public sealed record CustodyLine(
    string Action, string StateAfter, string? FromName, string? ToName, string? Purpose, DateTimeOffset? ExpectedReturnAt, DateTimeOffset? ReturnedAt,
    string RecordedBy, DateTimeOffset At);

public sealed record Custody(string Serial, string State, string? HolderName, IReadOnlyList<CustodyLine> Moves);

public sealed record Recipient(Guid UserId, string Name, string Role, string Ground, DateOnly? Until);

public sealed record DrawerAlert(string Kind, string Serial, DateTimeOffset Since, string? HolderName, string Detail);

public sealed record DrawerAlerts(Guid StoreId, int RetrievalDays, IReadOnlyList<DrawerAlert> Alerts);

public sealed record StockCount(Guid Id, DateTimeOffset CountedAt, string CountedBy, int Expected, int Present, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected);

public sealed record Authorisation(Guid Id, Guid UserId, string UserName, DateOnly Until, string GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, string? RevokedBy, bool InForce);

public sealed record Designer(
    Guid Id, Guid StoreId, string Name, DesignerLevel Level, bool ChargesDesignFee, IReadOnlyList<string> Styles, string? Notes,
    DesignerStatus Status, DateOnly? SuspendedUntil, DateTimeOffset? RemovalFlaggedAt, DateTimeOffset? LastDispatchedAt, bool OnDutyToday);

public sealed record HeldCustomer(Guid CustomerId, string CustomerNo, DateTimeOffset? DepositPaidAt, DateTimeOffset? ProposalAt, bool OffPlan);

public sealed record DesignerHoldings(
    Guid DesignerId, int HoldingCap, IReadOnlyList<HeldCustomer> Holdings, int StalledProposalCount, int StalledProposalDays,
    IReadOnlyList<HeldCustomer> StalledProposals, IReadOnlyList<HeldCustomer> OffPlanProposals);

public sealed record HistoryLine(string Action, string Details, string? Reason, string By, DateTimeOffset At);

public sealed record DispatchSettings(
    Guid StoreId, bool AutoDispatch, int HoldingCap, int StalledProposalCount, int StalledProposalDays, int RefusalSuspensionDays,
    int RemovalRefusals, int RemovalWindowDays, decimal BigOrderBudget, decimal BigOrderArea, int BigOrderMinLevel, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record SettingsChange(string Changes, string By, DateTimeOffset At);

public sealed record CustomerProblem(
    Guid Id, Guid StoreId, Guid CustomerId, string CustomerNo, Guid DesignerId, string DesignerName, string What, DateOnly DueOn,
    string RaisedBy, DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);

public sealed record RegisterRow(
    DateTimeOffset At, string LocalTime, Guid CustomerId, string CustomerNo, string Name, string Phone, CustomerSource Source,
    bool? Returning, string? DesignerName, CustomerStage Stage, string? RecordedBy);

public sealed record CustomerRegister(Guid StoreId, string StoreCode, string Register, string Period, long Total, IReadOnlyList<RegisterRow> Rows);

public sealed record Figures(
    int NewRegistered, int InNegotiation, int Deposits, decimal DepositAmount, int SignedCount, decimal SignedAmount, decimal SignedAreaM2,
    decimal? AverageOrder, decimal? AveragePricePerM2, int DesignFeeCount, decimal DesignFees, decimal? CompletenessRate);

public sealed record FiguresRow(Guid? StoreId, string? StoreCode, string? StoreName, CustomerSource? Source, Guid? DesignerId, string? DesignerName, Figures Figures);

public sealed record CustomerResources(Guid? StoreId, DateOnly From, DateOnly To, string By, Figures Total, IReadOnlyList<FiguresRow> Rows);

public sealed record StaleCustomer(
    Guid CustomerId, Guid StoreId, string CustomerNo, CustomerSource Source, DateOnly RegisteredOn, int DaysStale, bool KeyAttention,
    string? DesignerName, string? ConsultantName, DateTimeOffset? LastFollowUpAt);

public sealed record StaleCustomers(Guid? StoreId, DateOnly AsOf, IReadOnlyList<StaleCustomer> KeyAttention, IReadOnlyList<StaleCustomer> KeyFollowUp);
