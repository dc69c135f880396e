using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Http;

/// <summary>An outcome as the endpoint's answer: the success result, or the violation's problem (<see cref="Problems.Refused"/>).</summary>
public static class Answers
{
    public static async Task<Results<TSuccess, ValidationProblem, ProblemHttpResult>> AnswerAsync<T, TSuccess>(
        this Task<Outcome<T>> outcome, Func<T, TSuccess> success) where TSuccess : IResult
    {
        var done = await outcome;
        return done.Succeeded ? success(done.Value) : Problems.Refused(done.Violation);
    }
}
