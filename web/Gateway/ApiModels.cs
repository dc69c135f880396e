namespace Crm.Web.Gateway;

public sealed record TokenAnswer(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt);

public sealed record StaffAccount(Guid Id, string Username, string DisplayName, string Role, Guid? StoreId, Guid? DesignerId);

public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record Store(Guid Id, string Code, string Name, string City, string? TimeZone);

public sealed record RegisteredCustomer(Guid Id, string CustomerNo, int ArchiveBag, CustomerStage Stage);

public sealed record CustomerDesigner(Guid DesignerId, string Name, Guid AssignmentId, DateTimeOffset DispatchedAt);

public sealed record Milestone(Guid Id, MilestoneType Type, DateTimeOffset At, decimal? Amount, decimal? AreaM2, string? Reason, string RecordedByName);

public sealed record Customer(
    Guid Id, Guid StoreId, string CustomerNo, int ArchiveBag, CustomerSource Source, string Name, string Phone, string? OtherContact,
    string? Address, House? House, Preferences? Preferences, string? SpecialRequest, CustomerStage Stage, decimal CompletenessRate,
    DateTimeOffset RegisteredAt, string RegisteredBy, CustomerDesigner? Designer, IReadOnlyList<Milestone>? Milestones);

public sealed record DesignerTrace(
    Guid DesignerId, string Name, DesignerLevel Level, bool Eligible, DispatchRule? ExcludedBy, int? Rank, int Holdings, string Explanation);

public sealed record DispatchTrace(
    DispatchKind Kind, string RequestedBy, DateTimeOffset At, bool BigOrder, Guid? ChosenDesignerId, DispatchRule? DecidingRule, string Decision,
    bool Override, string? OverrideReason, IReadOnlyList<DesignerTrace> Designers);

public sealed record Assignment(
    Guid Id, Guid CustomerId, Guid DesignerId, string DesignerName, string Status, DispatchKind Kind, DispatchRule DecidingRule, bool Override,
    string RequestedBy, DateTimeOffset CreatedAt, string Decision, string? EndReason, DispatchTrace? Trace);

public sealed record Suggestion(Guid CustomerId, Guid? SuggestedDesignerId, DispatchTrace Trace);

public sealed record FollowUp(
    Guid Id, Guid CustomerId, string CustomerNo, string Purpose, DateTimeOffset At, FollowUpForm Form, string Content, string Summary,
    string? Intent, DateTimeOffset? NextAt, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record FollowUpTask(
    Guid Id, Guid CustomerId, string CustomerNo, string Kind, DateOnly DueOn, string Reason, string? AssigneeName, DateTimeOffset? CompletedAt);

public sealed record MeetingStageLine(string Stage, int Yesterday, int Now);

public sealed record MeetingAttendance(IReadOnlyList<string> OnDuty, IReadOnlyList<string> Absent);

public sealed record MeetingProblem(Guid ProblemId, Guid CustomerId, string CustomerNo, string DesignerName, string What, DateOnly DueOn, string RaisedBy, bool Overdue);

public sealed record MeetingFollowUps(Guid? AssigneeId, string? AssigneeName, int DueToday, int Overdue);

public sealed record MeetingFormAlert(string Kind, string Serial, DateTimeOffset Since, string? HolderName, string? DesignerName, string? Reason);

public sealed record MorningMeeting(
    Guid StoreId, string StoreName, DateOnly Date, MeetingAttendance Attendance, IReadOnlyList<MeetingStageLine> Stages, IReadOnlyList<MeetingProblem> Problems,
    IReadOnlyList<MeetingFollowUps> FollowUps, IReadOnlyList<MeetingFormAlert> FormAlerts, decimal? CompletenessRate);

public sealed record Contract(Guid CustomerId, decimal? Amount, decimal? AreaM2, DateTimeOffset SignedAt, bool FiguresHidden);

public sealed record PassedOn(Guid FromId, string FromName, string Purpose, DateTimeOffset At, DateTimeOffset ExpectedReturnAt);

public sealed record ContractFormView(
    string Serial, Guid StoreId, string State, Guid? HolderId, string? HolderName, Guid? DesignerId, string? DesignerName, Guid? CustomerId,
    Contract? Contract, PassedOn? PassedOn, DateTimeOffset? ReportedAt, DateTimeOffset? AcknowledgedAt);

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Summary, string? By, decimal? Amount, decimal? AreaM2, string? Reason);

public sealed record CustomerChange(string Field, string? Before, string? After, string Reason, string ChangedByName, DateTimeOffset ChangedAt);

public sealed record RecordedMilestone(Milestone Milestone, CustomerStage Stage);
