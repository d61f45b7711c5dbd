using Checkout.Web.Features.Account;

namespace Checkout.UnitTests;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("qwertyuiop")]
    [InlineData("QwertyUIOP")] // without case
    [InlineData("1234567890")]
    [InlineData("password123")]
    public void The_commonest_passwords_are_on_the_list(string password) =>
        CommonPasswordValidator.IsCommon(password).Should().BeTrue();

    [Theory]
    [InlineData("бір екі үш төрт бес")]
    [InlineData("correct horse battery staple kz")]
    [InlineData("# The 10 000 commonest passwords (lower case, most common first): the head of zxcvbn's password list (MIT), drawn from public leak corpora.")]
    [InlineData("")]
    public void Other_passwords_and_the_list_s_own_comment_are_not(string password) =>
        CommonPasswordValidator.IsCommon(password).Should().BeFalse();
}
