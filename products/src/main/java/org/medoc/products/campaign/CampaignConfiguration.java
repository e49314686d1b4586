package org.medoc.products.campaign;

import org.medoc.audit.AuditTrail;
import org.medoc.products.chain.ProductEngine;
import org.medoc.products.chain.RecipeRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the campaigns' tasks on the product chains' schedulers (the chain's {@code ChainConfiguration} picks up
 * every {@link org.medoc.products.chain.ChainTaskExtension} bean) with their settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CampaignProperties.class)
public class CampaignConfiguration {

    @Bean
    CampaignTasks campaignTasks(CampaignRepository repository, RecipeRegistry recipes, ProductEngine engine,
                                CampaignProperties properties, AuditTrail audit) {
        return new CampaignTasks(repository, recipes, engine, properties, audit);
    }
}
