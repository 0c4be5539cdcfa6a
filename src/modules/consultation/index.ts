/** The consultation module's public surface: other modules import only from here. */
export { consultationModule } from './manifest.js';
export { ConsultationPermissions, type Caller } from './consultation.policy.js';
export { ConsultationErrors } from './consultation.errors.js';
export * from './contracts.js';
export * from './events.js';
export { planWorkflow, PLAN_STATES, type PlanState, type PlanAction } from './domain/plan-workflow.js';
export { topicWorkflow, TOPIC_STATES, type TopicState } from './domain/topic-workflow.js';
export { DEFAULT_FORMS, parseConsultationSettings, type ConsultationSettings } from './domain/settings.js';
export { createPlan } from './commands/create-plan.js';
export { addPlanItem, editPlanItem, removePlanItem } from './commands/plan-items.js';
export { submitForReview, recordDecision, sendBack, issuePlan, adjustPlan } from './commands/move-plan.js';
export { submitTopic, acceptTopic, declineTopic } from './commands/topics.js';
export { updateConsultationSettings } from './commands/update-settings.js';
export { getPlan, listPlans } from './queries/get-plan.js';
export { listCollectedTopics } from './queries/list-topics.js';
export { planItemFigures } from './queries/plan-figures.js';
export { consultationFigures, planProgress, followUpList } from './queries/progress.js';
