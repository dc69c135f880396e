using Crm.Web.Gateway;

namespace Crm.Web.Desk;

/// <summary>
/// What the drawer's keeper may do with a contract form in its state (domain.md §3), the API's action names: a form
/// passed on only comes back (or is lost); in the drawer it is issued; issued, it is signed or retrieved; retrieved
/// and signed, it goes to the store manager; approved, to finance. The API refuses anything else in words.
/// </summary>
public static class FormDeskActions
{
    public static string[] For(ContractFormDetail form) => form switch
    {
        { PassedOn: not null } => ["return", "lost"],
        { State: "InStock" } => ["issue", "void", "lost"],
        { State: "Issued" } => ["sign", "retrieve", "void", "lost"],
        { State: "Signed" } => ["retrieve", "lost"],
        { State: "Approved" } => ["report", "transfer", "lost"],
        { State: "Retrieved" or "Rejected" } => ["transfer", "void", "lost"],
        _ => [],
    };
}
