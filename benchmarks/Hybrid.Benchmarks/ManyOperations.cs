using System.Reflection;
using System.Reflection.Emit;
using MediatR;

namespace Hybrid.Benchmarks;

/// <summary>The handler every emitted request shares; what it does is beside the point of a start-up measurement.</summary>
/// <typeparam name="TRequest">An emitted request type.</typeparam>
public abstract class FixedHandler<TRequest> : IRequestHandler<TRequest, Thing>
    where TRequest : IRequest<Thing>
{
    public Task<Thing> Handle(TRequest request, CancellationToken cancellationToken) => Task.FromResult(new Thing(1, "thing"));
}

/// <summary>
/// An assembly of <c>count</c> request types, each an action and a REST GET with a route
/// placeholder, and their handlers, emitted at run time so a start-up benchmark can map a
/// thousand operations without a thousand hand-written files.
/// </summary>
public static class ManyOperations
{
    public static Assembly Emit(int count)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Hybrid.Benchmarks.Many" + count), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("Many");
        var action = new CustomAttributeBuilder(typeof(ActionAttribute).GetConstructor(Type.EmptyTypes)!, []);
        for (var i = 0; i < count; i++)
        {
            var request = module.DefineType($"Many.Get{i}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(object), [typeof(IRequest<Thing>)]);
            request.DefineDefaultConstructor(MethodAttributes.Public);
            DefineIntProperty(request, "Id");
            request.SetCustomAttribute(action);
            request.SetCustomAttribute(new CustomAttributeBuilder(typeof(RestGetAttribute).GetConstructor([typeof(string)])!, [$"many{i}/{{id}}"]));
            var requestType = request.CreateType();

            var handler = module.DefineType($"Many.Get{i}Handler", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(FixedHandler<>).MakeGenericType(requestType));
            handler.DefineDefaultConstructor(MethodAttributes.Public);
            handler.CreateType();
        }

        return assembly;
    }

    private static void DefineIntProperty(TypeBuilder type, string name)
    {
        var field = type.DefineField("_" + name, typeof(int), FieldAttributes.Private);
        var property = type.DefineProperty(name, PropertyAttributes.None, typeof(int), null);
        const MethodAttributes accessor = MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig;
        var get = type.DefineMethod("get_" + name, accessor, typeof(int), Type.EmptyTypes);
        var il = get.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, field);
        il.Emit(OpCodes.Ret);
        var set = type.DefineMethod("set_" + name, accessor, null, [typeof(int)]);
        il = set.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        property.SetGetMethod(get);
        property.SetSetMethod(set);
    }
}
