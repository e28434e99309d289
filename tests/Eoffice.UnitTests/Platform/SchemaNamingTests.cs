using Eoffice.Web.Platform.Data;

namespace Eoffice.UnitTests.Platform;

public sealed class SchemaNamingTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("UserName", "user_name")]
    [InlineData("Sha256", "sha256")]
    [InlineData("LastSignInAt", "last_sign_in_at")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("ObjectID", "object_id")]
    public void Property_names_become_snake_case_columns(string property, string column) =>
        Assert.Equal(column, SchemaNaming.ToSnakeCase(property));
}
