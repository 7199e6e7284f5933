using Microsoft.Extensions.DependencyInjection.Extensions;
using PocMaterials.Helpdesk;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Faq;
using PocMaterials.Helpdesk.Mails;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Helpdesk.Reports;
using PocMaterials.Helpdesk.Similarity;
using PocMaterials.Persistence;
using PocMaterials.Search.Analysis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Wires the helpdesk: questions and their answers, the mail queue and its sender, similar questions, FAQ drafts and the
/// year figures. It uses the content, reach's pseudonyms, the newsletter's mail transport and signed tokens, and the search
/// engine's analysis: call it after those are added.
/// </summary>
public static class HelpdeskServices
{
    /// <summary>Options are bound from the host's configuration and validated at start.</summary>
    public static IServiceCollection AddHelpdesk(this IServiceCollection services)
    {
        services.AddOptions<HelpdeskOptions>().BindConfiguration(HelpdeskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SearchWords>();
        services.AddSingleton<MailSignal>();
        services.AddSingleton<QueuedMails>();
        services.AddSingleton<SatisfactionLinks>();
        services.AddSingleton<IQuestionMails, HelpdeskMails>();
        services.AddSingleton<WorkingHours>();
        services.AddSingleton<QuestionStore>();
        services.AddSingleton<IMaterialRecords>(sp => sp.GetRequiredService<QuestionStore>());
        services.AddSingleton<QuestionDesk>();
        services.AddSingleton<SimilarQuestions>();
        services.AddSingleton<FaqDrafts>();
        services.AddSingleton<HelpdeskReports>();
        services.AddHostedService<HelpdeskMailer>();
        return services;
    }
}
