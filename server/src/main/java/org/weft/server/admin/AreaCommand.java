package org.weft.server.admin;

import java.util.List;
import java.util.concurrent.Callable;

import org.weft.server.domain.proposal.AreaService;
import org.weft.server.persistence.AreaEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft area create CODE NAME} and {@code weft area list}: the places members pick from. */
@Command(name = "area", description = "Manage the areas (places) members pick for their offers and requests.",
        subcommands = {AreaCommand.Create.class, AreaCommand.ListAreas.class})
final class AreaCommand {
    @Command(name = "create", description = "Create an area; a child's code extends its parent's: camp-a/block-3.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Path-like code, e.g. camp-a or camp-a/block-3 (parent first)")
        String code;
        @Parameters(index = "1", description = "Name people see, e.g. \"Block 3\"")
        String name;
        @Option(names = "--lat", description = "Latitude of the centre (stored snapped to a 1 km grid)")
        Double latitude;
        @Option(names = "--lon", description = "Longitude of the centre (stored snapped to a 1 km grid)")
        Double longitude;

        @Override
        public Integer call() {
            if ((latitude == null) != (longitude == null)) {
                return OperatorContext.refuse(spec, "Give both --lat and --lon, or neither");
            }
            return OperatorContext.run(spec, ctx -> {
                AreaEntity area = new AreaService(ctx.db()).create(code, name, latitude, longitude);
                ctx.out().println("Created area " + area.getCode() + " (" + area.getName() + ")"
                        + (area.getLatitude() == null ? "" : " centred at " + area.getLatitude() + ", " + area.getLongitude()));
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the areas, parents before their children.")
    static final class ListAreas implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return OperatorContext.run(spec, ctx -> {
                List<AreaEntity> areas = new AreaService(ctx.db()).all();
                ctx.out().println(areas.size() + " area(s)");
                for (AreaEntity area : areas) {
                    ctx.out().println(area.getCode() + "  " + area.getName()
                            + (area.getLatitude() == null ? "" : "  (" + area.getLatitude() + ", " + area.getLongitude() + ")"));
                }
                return 0;
            });
        }
    }
}
