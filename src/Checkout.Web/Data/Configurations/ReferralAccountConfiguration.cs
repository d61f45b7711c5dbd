using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Checkout.Web.Data.Configurations;

public sealed class ReferralAccountConfiguration : IEntityTypeConfiguration<ReferralAccount>
{
    public void Configure(EntityTypeBuilder<ReferralAccount> account)
    {
        account.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ReferralAccounts_Available", "\"Available\" >= 0");
            t.HasCheckConstraint("CK_ReferralAccounts_Pending", "\"Pending\" >= 0");
            t.HasCheckConstraint("CK_ReferralAccounts_Owed", "\"Owed\" >= 0");
        });
        account.HasKey(a => a.Name);
        account.Property(a => a.Name).HasMaxLength(Lengths.Tag);
        account.HasData(new ReferralAccount { Name = ReferralAccount.Pool }, new ReferralAccount { Name = ReferralAccount.Shop });
    }
}
