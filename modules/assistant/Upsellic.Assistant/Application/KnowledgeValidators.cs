using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Upsellic.Assistant.Domain;
using Upsellic.Framework.Domain;

namespace Upsellic.Assistant.Application;

public sealed partial class StoreProfileValidator : AbstractValidator<StoreProfileDto>
{
    public StoreProfileValidator()
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("Enter the store's name.").MaximumLength(KnowledgeLimits.StoreNameLength);
        RuleFor(s => s.Description).MaximumLength(KnowledgeLimits.StoreDescriptionLength);
        RuleFor(s => s.Currency).NotEmpty().WithMessage("Enter the currency as a 3-letter ISO code, like USD.")
            .Matches(CurrencyPattern()).WithMessage("Enter the currency as a 3-letter ISO code, like USD.");
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CurrencyPattern();
}

public sealed class PolicyValidator : AbstractValidator<PolicyDto>
{
    public PolicyValidator()
    {
        RuleFor(p => p.Topic).NotEmpty().WithMessage("Name the policy's topic, like shipping or returns.")
            .MaximumLength(KnowledgeLimits.PolicyTopicLength);
        RuleFor(p => p.Text).NotEmpty().WithMessage("Write the policy's text.").MaximumLength(KnowledgeLimits.PolicyTextLength);
    }
}

public sealed class FaqValidator : AbstractValidator<FaqDto>
{
    public FaqValidator()
    {
        RuleFor(f => f.Question).NotEmpty().WithMessage("Write the question.").MaximumLength(KnowledgeLimits.FaqQuestionLength);
        RuleFor(f => f.Answer).NotEmpty().WithMessage("Write the answer.").MaximumLength(KnowledgeLimits.FaqAnswerLength);
    }
}

public sealed partial class ProductValidator : AbstractValidator<ProductDto>
{
    public ProductValidator()
    {
        RuleFor(p => p.Sku).NotEmpty().WithMessage("Every product needs a SKU.")
            .MaximumLength(KnowledgeLimits.SkuLength)
            .Matches(SkuPattern()).WithMessage("A SKU may hold letters, digits, '.', '_' and '-' only.");
        RuleFor(p => p.Name).NotEmpty().WithMessage("Every product needs a name.").MaximumLength(KnowledgeLimits.ProductNameLength);
        RuleFor(p => p.Description).MaximumLength(KnowledgeLimits.ProductDescriptionLength);
        RuleFor(p => p.Price).NotNull().WithMessage("Every product needs a price.")
            .InclusiveBetween(0m, KnowledgeLimits.MaxPrice).WithMessage($"The price must be between 0 and {KnowledgeLimits.MaxPrice:0}.")
            .Must(p => p is null || decimal.Round(p.Value, 2) == p.Value).WithMessage("The price may have at most 2 decimals.");
        RuleFor(p => p.Url).MaximumLength(KnowledgeLimits.UrlLength)
            .Must(BeAWebAddress).WithMessage("The URL must be an absolute http or https address.");
        RuleFor(p => p.Attributes)
            .Must(a => a is null || a.Count <= KnowledgeLimits.MaxAttributes).WithMessage($"A product may have at most {KnowledgeLimits.MaxAttributes} attributes.")
            .Must(a => a is null || a.All(pair => !string.IsNullOrWhiteSpace(pair.Key) && pair.Key.Length <= KnowledgeLimits.AttributeKeyLength))
            .WithMessage($"Attribute names must be 1 to {KnowledgeLimits.AttributeKeyLength} characters.")
            .Must(a => a is null || a.All(pair => pair.Value is not null && pair.Value.Length <= KnowledgeLimits.AttributeValueLength))
            .WithMessage($"Attribute values must be text of at most {KnowledgeLimits.AttributeValueLength} characters.");
        RuleFor(p => p.Variants)
            .Must(v => v is null || v.Count <= KnowledgeLimits.MaxVariants).WithMessage($"A product may have at most {KnowledgeLimits.MaxVariants} variants.")
            .Must(v => v is null || v.Select(x => x?.Name?.Trim().ToUpperInvariant()).Distinct().Count() == v.Count)
            .WithMessage("Variant names must be unique within a product.");
        RuleForEach(p => p.Variants).ChildRules(variant =>
        {
            variant.RuleFor(v => v.Name).NotEmpty().WithMessage("Every variant needs a name, like M or 42.")
                .MaximumLength(KnowledgeLimits.VariantNameLength);
            variant.RuleFor(v => v.InStock).NotNull().WithMessage("Say whether the variant is in stock (true or false).");
        });
    }

    public static bool BeAWebAddress(string? url) =>
        string.IsNullOrEmpty(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SkuPattern();
}

public sealed class OrderValidator : AbstractValidator<OrderDto>
{
    public OrderValidator()
    {
        RuleFor(o => o.Number).NotEmpty().WithMessage("Every order needs a number.").MaximumLength(KnowledgeLimits.OrderNumberLength);
        RuleFor(o => o.Email).NotEmpty().WithMessage("Every order needs the customer's email address.")
            .MaximumLength(KnowledgeLimits.EmailLength)
            .Must(BeAnEmailAddress).WithMessage("Enter a valid email address, like name@example.com.");
        // Any wording the store's own system uses is accepted ("Ready for pickup", "In transit"): the common ones are
        // recognised and phrased for the shopper, the others are quoted as written.
        RuleFor(o => o.Status).NotEmpty().WithMessage("Every order needs a status.")
            .MaximumLength(KnowledgeLimits.OrderStatusLength);
        RuleFor(o => o.Carrier).MaximumLength(KnowledgeLimits.CarrierLength);
        RuleFor(o => o.TrackingNumber).MaximumLength(KnowledgeLimits.TrackingNumberLength);
        RuleFor(o => o.PlacedAt).NotNull().WithMessage("Every order needs the date it was placed (placedAt).");
        RuleFor(o => o.EstimatedDelivery)
            .Must((o, eta) => eta is null || o.PlacedAt is null || eta >= o.PlacedAt)
            .WithMessage("The estimated delivery cannot be before the order was placed.");
        RuleFor(o => o.Items).NotEmpty().WithMessage("Every order needs at least one item.")
            .Must(i => i is null || i.Count <= KnowledgeLimits.MaxOrderItems).WithMessage($"An order may have at most {KnowledgeLimits.MaxOrderItems} items.");
        RuleForEach(o => o.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Sku).MaximumLength(KnowledgeLimits.SkuLength);
            item.RuleFor(i => i.Name).NotEmpty().WithMessage("Every item needs a name.").MaximumLength(KnowledgeLimits.ProductNameLength);
            item.RuleFor(i => i.Quantity).NotNull().WithMessage("Every item needs a quantity.")
                .InclusiveBetween(1, KnowledgeLimits.MaxQuantity).WithMessage($"The quantity must be between 1 and {KnowledgeLimits.MaxQuantity}.");
        });
    }

    public static bool BeAnEmailAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim() == value
        && MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.');
}

public sealed class KnowledgeDocumentValidator : AbstractValidator<KnowledgeDocument>
{
    public KnowledgeDocumentValidator()
    {
        RuleFor(d => d.Store).NotNull().WithMessage("The document needs the store profile (store).")
            .SetValidator(new StoreProfileValidator()!);
        RuleFor(d => d.Policies).Must(p => p is null || p.Count <= KnowledgeLimits.MaxPolicies)
            .WithMessage($"At most {KnowledgeLimits.MaxPolicies} policies.");
        RuleForEach(d => d.Policies).NotNull().SetValidator(new PolicyValidator());
        RuleFor(d => d.Faq).Must(f => f is null || f.Count <= KnowledgeLimits.MaxFaq)
            .WithMessage($"At most {KnowledgeLimits.MaxFaq} FAQ entries.");
        RuleForEach(d => d.Faq).NotNull().SetValidator(new FaqValidator());
        RuleFor(d => d.Products).Must(p => p is null || p.Count <= KnowledgeLimits.MaxProducts)
            .WithMessage($"At most {KnowledgeLimits.MaxProducts} products.");
        RuleForEach(d => d.Products).NotNull().SetValidator(new ProductValidator());
        RuleFor(d => d.Orders).Must(o => o is null || o.Count <= KnowledgeLimits.MaxOrders)
            .WithMessage($"At most {KnowledgeLimits.MaxOrders} orders.");
        RuleForEach(d => d.Orders).NotNull().SetValidator(new OrderValidator());
        RuleFor(d => d.Products).Custom((products, context) =>
            ReportDuplicates(products?.Select(p => p?.Sku), "products", "sku", "This SKU appears more than once.", context));
        RuleFor(d => d.Orders).Custom((orders, context) =>
            ReportDuplicates(orders?.Select(o => o?.Number), "orders", "number", "This order number appears more than once.", context));
    }

    private static void ReportDuplicates(IEnumerable<string?>? keys, string list, string field, string message,
        ValidationContext<KnowledgeDocument> context)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var key in keys ?? [])
        {
            if (!string.IsNullOrWhiteSpace(key) && !seen.Add(key.Trim()))
            {
                context.AddFailure(new ValidationFailure($"{list}[{index}].{field}", message));
            }

            index++;
        }
    }
}

internal static class ValidationErrors
{
    /// <summary>
    /// Validates and throws with every field named as the JSON client wrote it: "products[3].price", each segment
    /// camelCased (FluentValidation names them "Products[3].Price").
    /// </summary>
    public static async Task ValidateAndThrowFieldsAsync<T>(this IValidator<T> validator, T? instance, CancellationToken cancellationToken)
    {
        if (instance is null)
        {
            throw InputValidationException.For("body", "A request body is required.");
        }

        var result = await validator.ValidateAsync(instance, cancellationToken);
        if (!result.IsValid)
        {
            throw new InputValidationException(ToFieldErrors(result.Errors));
        }
    }

    public static Dictionary<string, string[]> ToFieldErrors(IEnumerable<ValidationFailure> failures) =>
        failures.GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());

    public static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
