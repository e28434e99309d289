using Eoffice.Web.Modules.Identity.External;

namespace Eoffice.UnitTests.Identity.External;

public sealed class PkceTests
{
    [Fact]
    public void The_s256_challenge_matches_the_example_of_rfc_7636_appendix_b() =>
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

    [Fact]
    public void Verifiers_are_43_unreserved_characters_and_never_repeat()
    {
        var verifiers = Enumerable.Range(0, 100).Select(_ => Pkce.CreateVerifier()).ToList();

        Assert.All(verifiers, v =>
        {
            Assert.Equal(43, v.Length);
            Assert.Matches("^[A-Za-z0-9_-]+$", v);
        });
        Assert.Equal(verifiers.Count, verifiers.Distinct().Count());
    }
}
