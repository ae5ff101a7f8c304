using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Workflow;

namespace GuardianshipPortal.UnitTests;

public sealed class WorkflowTests
{
    public static TheoryData<Step, CaseAction, string, Step> Allowed => new()
    {
        { Step.Registration, CaseAction.Register, Roles.Clerk, Step.Resolution },
        { Step.Resolution, CaseAction.Resolve, Roles.Head, Step.Drafting },
        { Step.Drafting, CaseAction.RecordCommissionOpinion, Roles.Commission, Step.Drafting },
        { Step.Drafting, CaseAction.RecordInspection, Roles.Specialist, Step.Drafting },
        { Step.Drafting, CaseAction.SaveDraft, Roles.Specialist, Step.Drafting },
        { Step.Drafting, CaseAction.SubmitDraft, Roles.Specialist, Step.Signing },
        { Step.Signing, CaseAction.Sign, Roles.Head, Step.Issue },
        { Step.Signing, CaseAction.Return, Roles.Head, Step.Drafting },
        { Step.Issue, CaseAction.IssueResult, Roles.Clerk, Step.Closed },
        { Step.Issue, CaseAction.RevokeResult, Roles.Head, Step.Drafting },
        { Step.Resolution, CaseAction.Extend, Roles.Head, Step.Resolution },
        { Step.Drafting, CaseAction.Extend, Roles.Head, Step.Drafting },
        { Step.Signing, CaseAction.Extend, Roles.Head, Step.Signing },
        { Step.Drafting, CaseAction.Suspend, Roles.Specialist, Step.Drafting },
        { Step.Drafting, CaseAction.Resume, Roles.Specialist, Step.Drafting },
        { Step.Resolution, CaseAction.ReturnToCenter, Roles.Clerk, Step.Closed },
        { Step.Resolution, CaseAction.ReturnToCenter, Roles.Head, Step.Closed },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Every_allowed_transition_leads_to_its_step(Step from, CaseAction action, string role, Step to)
    {
        Assert.Equal(to, Workflow.Next(from, action, role));
        Assert.True(Workflow.IsAllowed(from, action, [role]));
    }

    [Fact]
    public void Every_other_combination_of_step_action_and_role_is_forbidden()
    {
        var allowed = Allowed.Select(row => (row.Data.Item1, row.Data.Item2, row.Data.Item3)).ToHashSet();
        var checkedCount = 0;
        foreach (var step in Enum.GetValues<Step>())
        foreach (var action in Enum.GetValues<CaseAction>())
        foreach (var role in Roles.All)
        {
            if (allowed.Contains((step, action, role))) continue;
            Assert.Null(Workflow.Next(step, action, role));
            Assert.False(Workflow.IsAllowed(step, action, [role]));
            checkedCount++;
        }
        Assert.Equal(Enum.GetValues<Step>().Length * Enum.GetValues<CaseAction>().Length * Roles.All.Count - Allowed.Count, checkedCount);
    }

    [Fact]
    public void A_closed_case_allows_nothing()
    {
        foreach (var action in Enum.GetValues<CaseAction>())
            Assert.False(Workflow.IsAllowed(Step.Closed, action, Roles.All));
    }

    [Fact]
    public void Returning_a_draft_can_repeat_any_number_of_times()
    {
        var step = Step.Drafting;
        for (var round = 0; round < 3; round++)
        {
            step = Workflow.Next(step, CaseAction.SubmitDraft, Roles.Specialist)!.Value;
            step = Workflow.Next(step, CaseAction.Return, Roles.Head)!.Value;
        }
        Assert.Equal(Step.Drafting, step);
    }
}
