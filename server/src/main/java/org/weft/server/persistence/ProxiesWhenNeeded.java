package org.weft.server.persistence;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

import org.hibernate.bytecode.enhance.spi.EnhancementContext;
import org.hibernate.bytecode.enhance.spi.Enhancer;
import org.hibernate.bytecode.spi.BasicProxyFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.bytecode.spi.ProxyFactoryFactory;
import org.hibernate.bytecode.spi.ReflectionOptimizer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.ProxyFactory;
import org.hibernate.type.CompositeType;

/**
 * Hibernate's bytecode provider (ByteBuddy, found as Hibernate finds it), with the start-up costs taken out.
 *
 * <p>Hibernate makes every entity lazy and, while it builds the session factory, generates a proxy class for each
 * (ByteBuddy), though only the targets of lazy to-one associations are ever proxied here; here an entity's proxy
 * class is generated the first time a proxy of it is needed. And it generates an accessor and an instantiator class per
 * entity (its "reflection optimizer"); here there is none, and Hibernate reads and writes the fields by reflection.
 * Together that was about a third of the time spent building the session factory (the largest part of a start), more
 * with the start-up cache, which cannot keep generated classes, and each generated class held its metadata for good.
 * Hibernate's provider itself is made only when the first proxy (or anything else of it) is needed: making it loads
 * ByteBuddy, some 550 classes and a few hundred milliseconds of a start, for a first request to pay instead.
 */
final class ProxiesWhenNeeded implements BytecodeProvider {
    private final Supplier<BytecodeProvider> find;
    private volatile BytecodeProvider hibernates;

    ProxiesWhenNeeded(Supplier<BytecodeProvider> find) {
        this.find = find;
    }

    /** Wraps the provider Hibernate would use (the one its jar registers as a service), made when first needed. */
    static ProxiesWhenNeeded aroundHibernates() {
        return new ProxiesWhenNeeded(() -> ServiceLoader.load(BytecodeProvider.class, BytecodeProvider.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Hibernate's bytecode provider is not on the class path")));
    }

    private BytecodeProvider hibernates() {
        BytecodeProvider ready = hibernates;
        if (ready == null) {
            synchronized (this) {
                if (hibernates == null) {
                    hibernates = find.get();
                }
                ready = hibernates;
            }
        }
        return ready;
    }

    @Override
    public ProxyFactoryFactory getProxyFactoryFactory() {
        return new ProxyFactoryFactory() {
            @Override
            public ProxyFactory buildProxyFactory(SessionFactoryImplementor sessionFactory) {
                return new Deferred(() -> hibernates().getProxyFactoryFactory(), sessionFactory);
            }

            @Override
            public BasicProxyFactory buildBasicProxyFactory(Class superClassOrInterface) {
                return hibernates().getProxyFactoryFactory().buildBasicProxyFactory(superClassOrInterface);
            }
        };
    }

    /** None: Hibernate then uses plain reflection, with no class generated per entity. */
    @Override
    public ReflectionOptimizer getReflectionOptimizer(Class clazz, String[] getterNames, String[] setterNames,
                                                      Class[] types) {
        return null;
    }

    /** None, as above. */
    @Override
    public ReflectionOptimizer getReflectionOptimizer(Class<?> clazz, Map<String, PropertyAccess> propertyAccessMap) {
        return null;
    }

    @Override
    public Enhancer getEnhancer(EnhancementContext enhancementContext) {
        return hibernates().getEnhancer(enhancementContext);
    }

    /** Hibernate's caches, if its provider was ever made (there are none to reset otherwise). */
    @Override
    public void resetCaches() {
        BytecodeProvider made = hibernates;
        if (made != null) {
            made.resetCaches();
        }
    }

    /**
     * One entity's proxy factory: keeps what Hibernate told it at start, and builds Hibernate's own factory (which
     * generates the proxy class) when the first proxy is asked for.
     */
    private static final class Deferred implements ProxyFactory {
        private final Supplier<ProxyFactoryFactory> factories;
        private final SessionFactoryImplementor sessionFactory;
        private String entityName;
        private Class<?> persistentClass;
        private Set<Class<?>> interfaces;
        private Method getIdentifierMethod;
        private Method setIdentifierMethod;
        private CompositeType componentIdType;
        private volatile ProxyFactory built;

        Deferred(Supplier<ProxyFactoryFactory> factories, SessionFactoryImplementor sessionFactory) {
            this.factories = factories;
            this.sessionFactory = sessionFactory;
        }

        @Override
        public void postInstantiate(String entityName, Class<?> persistentClass, Set<Class<?>> interfaces,
                                    Method getIdentifierMethod, Method setIdentifierMethod,
                                    CompositeType componentIdType) {
            this.entityName = entityName;
            this.persistentClass = persistentClass;
            this.interfaces = interfaces; // Hibernate's own set, in the order it chose
            this.getIdentifierMethod = getIdentifierMethod;
            this.setIdentifierMethod = setIdentifierMethod;
            this.componentIdType = componentIdType;
        }

        @Override
        public HibernateProxy getProxy(Object id, SharedSessionContractImplementor session) {
            return factory().getProxy(id, session);
        }

        private ProxyFactory factory() {
            ProxyFactory ready = built;
            if (ready == null) {
                synchronized (this) {
                    if (built == null) {
                        ProxyFactory factory = factories.get().buildProxyFactory(sessionFactory);
                        factory.postInstantiate(entityName, persistentClass, interfaces, getIdentifierMethod,
                                setIdentifierMethod, componentIdType);
                        built = factory;
                    }
                    ready = built;
                }
            }
            return ready;
        }
    }
}
