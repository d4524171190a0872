package dev.arbiter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The value sets the API accepts for profile categories are the ones the shipped churn model knows. */
class ProfileCategoryTest {

    private static final Path CHURN_SETTINGS = Path.of("models", "churn-settings.json");

    @Test
    void everyCategoryFieldAcceptsExactlyTheValuesOfTheShippedChurnModel() {
        JsonNode categories = JsonMapper.builder().build().readTree(CHURN_SETTINGS.toFile()).path("profile").path("categories");
        int checked = 0;

        for (RecordComponent component : DecisionRequest.Profile.class.getRecordComponents()) {
            ProfileCategory category = component.getAnnotation(ProfileCategory.class);
            if (component.getType() == String.class) {
                assertThat(category).as("%s has a value set", component.getName()).isNotNull();
                assertThat(category.value().allowed()).as(component.getName())
                        .containsExactlyElementsOf(categories.path(component.getName()).valueStream().map(JsonNode::asString).toList());
                checked++;
            }
        }

        assertThat(checked).isEqualTo(10);
    }
}
