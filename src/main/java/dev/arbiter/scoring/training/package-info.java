/**
 * The {@code train} mode of the jar ({@link dev.arbiter.scoring.training.TrainCommand}): trains the intent and churn
 * models from CSV with a fixed seed, calibrates them, and writes the model files and an evaluation report. One small
 * class per concern: CSV reading, stratified split, augmentation, temperature scaling, reliability and ECE, metrics,
 * ROC AUC, report writing; {@code IntentTraining}/{@code ChurnTraining} tie them together and
 * {@code IntentEvaluation}/{@code ChurnEvaluation} write the reports.
 */
package dev.arbiter.scoring.training;
